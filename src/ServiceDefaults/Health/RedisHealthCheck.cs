using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ServiceDefaults.Health;

sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IDisposable
{
    readonly Lazy<ConnectionMultiplexer> redis = new(() =>
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        return ConnectionMultiplexer.Connect(options);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var latency = await redis.Value.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.0} ms");
    }

    public void Dispose()
    {
        if (redis.IsValueCreated) redis.Value.Dispose();
    }
}
