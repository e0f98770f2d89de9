using BuildingBlocks.TenantConfig;
using Query.Indexing;
using Query.Search;
using Query.Segments;
using Query.Storage;
using Query.Tail;
using ServiceDefaults;
using ServiceDefaults.Health;

namespace Query;

/// <summary>The log read model (heads and Parquet segments), the indexer that fills it, and search.</summary>
public static class QueryModule
{
    public static WebApplicationBuilder AddQuery(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka, Dependency.Redis, Dependency.Blob);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var storage = new StorageOptions(configuration["Platform:DataDirectory"] is { Length: > 0 } data ? data : Path.GetFullPath("data"))
        {
            MemoryLimit = configuration["Query:MemoryLimit"] ?? "1GB",
            TempLimit = configuration["Query:TempLimit"] ?? "8GB",
        };
        Directory.CreateDirectory(Path.Combine(storage.DataDirectory, "tmp"));

        services.AddTenantConfigCache(configuration, "query");
        services.AddSingleton(storage);
        services.AddSingleton(new IndexerOptions(configuration.Required("kafka")));
        services.AddSingleton<QueryDatabase>();
        services.AddSingleton(new SegmentLayout(storage.SegmentsDirectory));
        services.AddSingleton<ReadModel>();
        services.AddSingleton(new SegmentWriter(storage.RowGroupRows));
        services.AddSingleton<HeadFlusher>();
        services.AddSingleton<TailHub>();
        services.AddSingleton<LogIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<LogIndexer>());
        services.AddHostedService<Compactor>();
        services.AddHealthChecks().AddCheck<IndexerHealthCheck>("indexer", tags: [ServiceDefaults.Extensions.ReadyTag]);
        services.AddSingleton(new QueryBudget(configuration.GetValue("Query:TimeBudget", TimeSpan.FromSeconds(30))));
        services.AddSingleton(new QueryAdmission(configuration.GetValue("Query:ConcurrentQueriesPerTenant", 4)));
        services.AddSingleton<QueryCache>();
        services.AddSingleton<QueryAudit>();
        services.AddSingleton<SearchExecutor>();
        services.AddSingleton<QueryService>();
        return builder;
    }
}
