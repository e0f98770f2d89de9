using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Logs;
using TestInfrastructure;

namespace Query.IntegrationTests;

/// <summary>The whole pipeline as real processes: Tenancy, Ingestion, Processing and Query on real infrastructure.</summary>
public class QueryStack : IAsyncLifetime
{
    public PlatformStack Stack { get; private set; } = null!;
    MessageProducer producer = null!;

    public string SegmentsDirectory => Path.Combine(Stack.StateDirectory, "data", "query", "segments");

    protected virtual Task<PlatformStack> StartStackAsync() => PlatformStack.StartAsync("tenancy", "ingestion", "processing", "query");

    public async Task InitializeAsync()
    {
        Stack = await StartStackAsync();
        producer = new MessageProducer(Stack.Kafka.ConnectionString, "query-tests");
    }

    public virtual async Task DisposeAsync()
    {
        producer.Dispose();
        await Stack.DisposeAsync();
    }

    /// <summary>A tenant whose key the Query service already knows (its config cache follows Tenancy within a second or so).</summary>
    public async Task<(string Tenant, string Key)> OnboardAsync()
    {
        var (tenant, key) = await Stack.OnboardAsync();
        await Eventually.Until(async () =>
        {
            using var response = await QueryResponseAsync(key, "");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(15), "the Query service knows the new key");
        return (tenant, key);
    }

    public static LogRecord Record(string tenant, string message, long timeNanos, LogLevel level = LogLevel.Info, string service = "svc",
        IReadOnlyDictionary<string, string>? attributes = null, string? traceId = null) => new()
    {
        Tenant = tenant,
        TimestampNanos = timeNanos,
        ObservedNanos = timeNanos,
        Level = level,
        Service = service,
        Host = "host-1",
        Message = message,
        TraceId = traceId,
        Attributes = attributes ?? LogRecord.NoAttributes,
        Source = LogSource.Native,
    };

    public static long NowNanos() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>Puts a batch on logs.processed as Processing does (a replay reuses <paramref name="batchId"/>).</summary>
    public async Task<Guid> PublishProcessedAsync(string tenant, IReadOnlyList<LogRecord> records, Guid? batchId = null)
    {
        var batch = new LogBatch(tenant, batchId ?? Guid.CreateVersion7(), records);
        await producer.PublishAsync(Topics.LogsProcessed, new Envelope(Guid.NewGuid().ToString("N"), "logs.batch.v1", tenant,
            DateTimeOffset.UtcNow, batch.BatchId.ToString("N"), LogBatchCodec.Encode(batch)));
        return batch.BatchId;
    }

    public async Task<JsonElement> QueryAsync(string key, string query, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = 100, string? cursor = null)
    {
        using var response = await QueryResponseAsync(key, query, from, to, limit, cursor);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"query '{query}' answered {(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<HttpResponseMessage> QueryResponseAsync(string key, string query, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = 100, string? cursor = null)
    {
        using var client = Stack.Client("query", key);
        var range = new { from = from ?? DateTimeOffset.UtcNow.AddHours(-1), to = to ?? DateTimeOffset.UtcNow.AddMinutes(1) };
        return await client.PostAsJsonAsync("/api/v1/query", new { query, range, limit, cursor });
    }

    /// <summary>Every result of a query, following cursors page by page.</summary>
    public async Task<List<JsonElement>> QueryAllAsync(string key, string query, DateTimeOffset from, DateTimeOffset to, int pageSize = 1000)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await QueryAsync(key, query, from, to, pageSize, cursor);
            all.AddRange(page.GetProperty("results").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return all;
    }
}

[CollectionDefinition(Name)]
public sealed class QueryCollection : ICollectionFixture<QueryStack>
{
    public const string Name = "query stack";
}
