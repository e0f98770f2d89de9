using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Ingestion.Limits;
using Ingestion.Metering;
using Ingestion.Publishing;
using ServiceDefaults;
using ServiceDefaults.Health;

namespace Ingestion;

/// <summary>The intake edge: protocols, authentication, rate limits and validation, onto logs.raw.</summary>
public static class IngestionModule
{
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka, Dependency.Redis);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var kafka = configuration.Required("kafka");

        services.AddSingleton(TimeProvider.System);
        services.AddTenantConfigCache(configuration, "ingestion");
        // A short delivery timeout: a client waiting on a broker that is down gets 503 with Retry-After promptly.
        services.AddSingleton(_ => new MessageProducer(kafka, "ingestion", deliveryTimeout: TimeSpan.FromSeconds(5)));
        services.AddSingleton<RedisRateLimiter>();
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton<ResilientRateLimiter>();
        services.AddSingleton<IRateLimiter>(sp => sp.GetRequiredService<ResilientRateLimiter>());
        services.AddHealthChecks().AddCheck<ResilientRateLimiter>("rate-limits", tags: [ServiceDefaults.Extensions.ReadyTag]);
        services.AddSingleton<LogPublisher>();
        services.AddSingleton<UsageMeter>();
        services.AddHostedService<UsageReporter>();
        services.AddSingleton<Intake.Intake>();
        return builder;
    }
}
