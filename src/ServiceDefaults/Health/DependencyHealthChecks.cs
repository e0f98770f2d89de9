using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ServiceDefaults.Health;

public enum Dependency { Postgres, Redis, Kafka, Blob }

/// <summary>Readiness checks for the infrastructure a service uses, each reading <c>ConnectionStrings:{name}</c>.</summary>
public static class DependencyHealthChecks
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddDependencyHealthChecks(this WebApplicationBuilder builder, params Dependency[] dependencies)
    {
        var checks = builder.Services.AddHealthChecks();
        foreach (var dependency in dependencies)
        {
            var name = dependency.ToString().ToLowerInvariant();
            var connectionString = builder.Configuration.GetConnectionString(name);
            if (dependency == Dependency.Redis && connectionString is { Length: > 0 } redis)
            {
                builder.Services.AddSingleton(_ => RedisConnection.Connect(redis));
                builder.Services.AddSingleton<IConnectionMultiplexer>(sp => sp.GetRequiredService<ConnectionMultiplexer>());
                checks.Add(new HealthCheckRegistration(name, sp => new RedisHealthCheck(sp.GetRequiredService<ConnectionMultiplexer>()),
                    HealthStatus.Unhealthy, [Extensions.ReadyTag], Timeout));
                continue;
            }
            IHealthCheck check = connectionString is null or ""
                ? new MissingConnectionString(name)
                : dependency switch
                {
                    Dependency.Postgres => new PostgresHealthCheck(connectionString),
                    Dependency.Kafka => new KafkaHealthCheck(connectionString),
                    Dependency.Blob => new BlobHealthCheck(connectionString),
                    _ => throw new ArgumentOutOfRangeException(nameof(dependencies), dependency, null),
                };
            checks.Add(new HealthCheckRegistration(name, check, HealthStatus.Unhealthy, [Extensions.ReadyTag], Timeout));
        }
        return builder;
    }

    sealed class MissingConnectionString(string name) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(HealthCheckResult.Unhealthy($"ConnectionStrings__{name} is not set"));
    }
}
