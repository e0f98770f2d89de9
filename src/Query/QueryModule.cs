using ServiceDefaults.Health;

namespace Query;

/// <summary>The log read model (hot segments and Parquet archive), search, aggregation and live tail.</summary>
public static class QueryModule
{
    public static WebApplicationBuilder AddQuery(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka, Dependency.Redis, Dependency.Blob);
        return builder;
    }
}
