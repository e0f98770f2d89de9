using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Ingestion.Limits;

/// <summary>
/// Redis first; while Redis fails, the in-process limiter, and readiness reports Degraded so operators see it.
/// Never lets traffic through unchecked and never drops it silently.
/// </summary>
public sealed class ResilientRateLimiter(RedisRateLimiter redis, LocalRateLimiter local, ILogger<ResilientRateLimiter> logger)
    : IRateLimiter, IHealthCheck
{
    volatile string? degradedBecause;

    public async Task<Admission> AdmitAsync(string tenantId, IngestLimits limits, int lines, long bytes, bool partial)
    {
        try
        {
            var admission = await redis.AdmitAsync(tenantId, limits, lines, bytes, partial);
            if (degradedBecause is not null) logger.LogInformation("Redis is back: rate limits are shared again");
            degradedBecause = null;
            return admission;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            if (degradedBecause is null) logger.LogWarning(e, "Redis is unreachable: rate limiting falls back to this instance");
            degradedBecause = e.Message;
            return await local.AdmitAsync(tenantId, limits, lines, bytes, partial);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(degradedBecause is { } reason
            ? HealthCheckResult.Degraded($"rate limits are per instance while Redis fails: {reason}")
            : HealthCheckResult.Healthy());
}
