using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Query.Indexing;

/// <summary>Ready once the read model is loaded from disk and the indexer consumes logs.processed.</summary>
public sealed class IndexerHealthCheck(LogIndexer indexer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(indexer.IsRunning
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The indexer is loading the read model or not consuming."));
}
