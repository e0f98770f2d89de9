using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BuildingBlocks.TenantConfig;

public static class TenantConfigRegistration
{
    /// <summary>The tag /health/ready selects by (ServiceDefaults.Extensions.ReadyTag; a building block cannot reference ServiceDefaults).</summary>
    public const string ReadyTag = "ready";
    public const string HealthCheckName = "tenant-config";

    /// <summary>
    /// The cache wired from a service's standard configuration: <c>ConnectionStrings:kafka</c>,
    /// <c>ConnectionStrings:tenancy</c> (Tenancy's base URL) and <c>Platform:OperatorKey</c>.
    /// </summary>
    public static IServiceCollection AddTenantConfigCache(this IServiceCollection services, IConfiguration configuration, string serviceName) =>
        services.AddTenantConfigCache(new TenantConfigOptions
        {
            KafkaBootstrapServers = Setting(configuration, "ConnectionStrings:kafka"),
            TenancyUrl = new Uri(Setting(configuration, "ConnectionStrings:tenancy")),
            OperatorKey = Setting(configuration, "Platform:OperatorKey"),
            ServiceName = serviceName,
        });

    static string Setting(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"{key.Replace(":", "__")} is not set.");

    /// <summary>
    /// A <see cref="TenantConfigCache"/> singleton, the <see cref="TenantConfigSync"/> that fills it, and a readiness check
    /// that fails until the snapshot is loaded. The snapshot is fetched with the named HttpClient
    /// <see cref="ConfigSnapshotClient.HttpClientName"/>, which a caller may configure further.
    /// </summary>
    public static IServiceCollection AddTenantConfigCache(this IServiceCollection services, TenantConfigOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KafkaBootstrapServers);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OperatorKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ServiceName);
        if (!options.TenancyUrl.IsAbsoluteUri) throw new ArgumentException($"TenancyUrl must be absolute, not '{options.TenancyUrl}'", nameof(options));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<TenantConfigCache>();
        services.AddSingleton<ConfigSnapshotClient>();
        services.AddHttpClient(ConfigSnapshotClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<TenantConfigSync>();
        services.AddHealthChecks().AddCheck<TenantConfigHealthCheck>(HealthCheckName, HealthStatus.Unhealthy, [ReadyTag]);
        return services;
    }
}
