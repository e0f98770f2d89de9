using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceDefaults.Health;

/// <summary>Ready when a broker answers a metadata request.</summary>
sealed class KafkaHealthCheck(string bootstrapServers) : IHealthCheck, IDisposable
{
    readonly Lazy<IAdminClient> admin = new(() => new AdminClientBuilder(new AdminClientConfig
    {
        BootstrapServers = bootstrapServers,
        ClientId = "health-check",
    }).SetLogHandler((_, _) => { }).Build());

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var metadata = await Task.Run(() => admin.Value.GetMetadata(TimeSpan.FromSeconds(2)), ct);
        return metadata.Brokers.Count > 0
            ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s), {metadata.Topics.Count} topic(s)")
            : HealthCheckResult.Unhealthy("no broker answered");
    }

    public void Dispose()
    {
        if (admin.IsValueCreated) admin.Value.Dispose();
    }
}
