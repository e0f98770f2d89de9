using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BuildingBlocks.TenantConfig;

/// <summary>Readiness: a service that authenticates or routes by tenant must not take traffic before it knows the tenants.</summary>
public sealed class TenantConfigHealthCheck(TenantConfigCache cache) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(cache.IsReady
            ? HealthCheckResult.Healthy($"{cache.TenantCount} tenant(s), revision {cache.Revision}")
            : HealthCheckResult.Unhealthy("The configuration snapshot has not been loaded yet (waiting for platform.config or Tenancy)"));
}
