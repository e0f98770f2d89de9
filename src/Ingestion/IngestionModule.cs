using ServiceDefaults.Health;

namespace Ingestion;

/// <summary>The intake edge: protocols, authentication, rate limits and validation, onto logs.raw.</summary>
public static class IngestionModule
{
    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka, Dependency.Redis);
        return builder;
    }
}
