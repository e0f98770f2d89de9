using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Contracts.Logs;
using TestInfrastructure;

namespace Processing.IntegrationTests;

/// <summary>Tenancy and Processing as real processes on real infrastructure; raw batches in, processed batches out.</summary>
public sealed class ProcessingStack : IAsyncLifetime
{
    public PlatformStack Stack { get; private set; } = null!;
    MessageProducer producer = null!;

    public async Task InitializeAsync()
    {
        Stack = await PlatformStack.StartAsync("tenancy", "processing");
        producer = new MessageProducer(Stack.Kafka.ConnectionString, "processing-tests");
    }

    public async Task DisposeAsync()
    {
        producer.Dispose();
        await Stack.DisposeAsync();
    }

    public static LogRecord Record(string tenant, string message, LogLevel level = LogLevel.Info, IReadOnlyDictionary<string, string>? attributes = null) => new()
    {
        Tenant = tenant,
        TimestampNanos = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
        ObservedNanos = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000,
        Level = level,
        Service = "svc",
        Message = message,
        Attributes = attributes ?? LogRecord.NoAttributes,
        Source = LogSource.Native,
    };

    /// <summary>Puts a batch on logs.raw as Ingestion would; returns its id.</summary>
    public async Task<Guid> PublishRawAsync(string tenant, IReadOnlyList<LogRecord> records)
    {
        var batch = new LogBatch(tenant, Guid.CreateVersion7(), records);
        await producer.PublishAsync(Topics.LogsRaw, new Envelope(batch.BatchId.ToString("N"), "logs.batch.v1", tenant, DateTimeOffset.UtcNow,
            batch.BatchId.ToString("N"), LogBatchCodec.Encode(batch)));
        return batch.BatchId;
    }

    /// <summary>Publishes a configuration message straight to platform.config, as Tenancy's outbox would.</summary>
    public Task PublishConfigAsync<T>(string type, string tenant, T payload) =>
        producer.PublishAsync(Topics.PlatformConfig, Envelope.Create(type, tenant,
            JsonSerializer.SerializeToUtf8Bytes(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))));

    public async Task PutPipelineAsync(string tenant, string key, object stages)
    {
        using var response = await Stack.Client("tenancy", key).PutAsJsonAsync($"/api/v1/tenants/{tenant}/pipeline", new { stages });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The tenant's batches on a topic, read from the start until <paramref name="until"/> holds or the deadline passes,
    /// with replays (the same batch id again) dropped as a downstream reader does.
    /// </summary>
    public Dictionary<Guid, LogBatch> Read(string topic, string tenant, Func<Dictionary<Guid, LogBatch>, bool> until, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = Stack.Kafka.ConnectionString,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var batches = new Dictionary<Guid, LogBatch>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline && !until(batches))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { Message: not null } result || result.Message.Key != tenant) continue;
            var batch = LogBatchCodec.Decode(result.Message.Value);
            batches.TryAdd(topic == Topics.LogsProcessed ? batch.BatchId : Guid.NewGuid(), batch);
        }
        return batches;
    }

    public List<LogRecord> Processed(string tenant, int atLeast, TimeSpan? timeout = null) =>
        Processed(tenant, records => records.Count() >= atLeast, timeout);

    /// <summary>The tenant's processed records once <paramref name="until"/> holds for them (or the deadline passed).</summary>
    public List<LogRecord> Processed(string tenant, Func<IEnumerable<LogRecord>, bool> until, TimeSpan? timeout = null) =>
        Read(Topics.LogsProcessed, tenant, b => until(b.Values.SelectMany(x => x.Records)), timeout).Values.SelectMany(b => b.Records).ToList();
}

[CollectionDefinition(Name)]
public sealed class ProcessingCollection : ICollectionFixture<ProcessingStack>
{
    public const string Name = "processing";
}
