using BuildingBlocks.DevHosting.Kafka;
using Confluent.Kafka;
using Contracts;
using Contracts.Logs;
using TestInfrastructure;

namespace Ingestion.IntegrationTests;

/// <summary>Tenancy and Ingestion running as real processes on real infrastructure, shared by this assembly's tests.</summary>
public sealed class IngestionStack : IAsyncLifetime
{
    public PlatformStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await PlatformStack.StartAsync("tenancy", "ingestion");
    public async Task DisposeAsync() => await Stack.DisposeAsync();

    public HttpClient Ingestion(string? key = null) => Stack.Client("ingestion", key);

    /// <summary>Onboards a tenant and waits until Ingestion's configuration cache accepts its key.</summary>
    public async Task<(string TenantId, string Key)> TenantAsync(string plan = "standard")
    {
        var (tenantId, key) = await Stack.OnboardAsync(plan: plan);
        await Eventually.Until(async () =>
        {
            using var probe = await Ingestion(key).PostAsync("/api/v1/logs", new StringContent("[]", System.Text.Encoding.UTF8, "application/json"));
            return probe.StatusCode != System.Net.HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(30), "Ingestion knows the new tenant's key");
        return (tenantId, key);
    }

    /// <summary>Every record of <paramref name="tenantId"/> on logs.raw, read from the start, once at least <paramref name="atLeast"/> arrived.</summary>
    public List<(Guid BatchId, LogRecord Record)> ReadLogsRaw(string tenantId, int atLeast, TimeSpan? timeout = null)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = Stack.Kafka.ConnectionString,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnablePartitionEof = true,
        }).Build();
        consumer.Subscribe(Topics.LogsRaw);
        var records = new List<(Guid, LogRecord)>();
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        var eof = new HashSet<int>();
        while (DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null) continue;
            if (result.IsPartitionEOF)
            {
                eof.Add(result.Partition.Value);
                if (records.Count >= atLeast && eof.Count == Topics.DataTopicPartitions) break;
                continue;
            }
            if (result.Message.Key != tenantId) continue;
            var batch = LogBatchCodec.Decode(result.Message.Value);
            records.AddRange(batch.Records.Select(r => (batch.BatchId, r)));
        }
        return records;
    }

    public void SetBrokerDown(bool down) => Stack.Kafka.SetBrokerDown(down);
}

[CollectionDefinition(Name)]
public sealed class IngestionCollection : ICollectionFixture<IngestionStack>
{
    public const string Name = "ingestion";
}
