using ServiceDefaults.Health;

namespace Processing;

/// <summary>Tenant pipelines from logs.raw to logs.processed, alert evaluation and notification.</summary>
public static class ProcessingModule
{
    public static WebApplicationBuilder AddProcessing(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka);
        return builder;
    }
}
