using BuildingBlocks.BlobStorage;
using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Query.Archive;
using Query.Indexing;
using Query.Lifecycle;
using Query.Search;
using Query.Segments;
using Query.Storage;
using Query.Tail;
using ServiceDefaults;
using ServiceDefaults.Health;

namespace Query;

/// <summary>The log read model (heads, hot Parquet segments, the blob archive), the indexer that fills it, its lifecycle, and search.</summary>
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
        services.AddSingleton(new ArchiveOptions
        {
            HotWindow = configuration.GetValue("Query:Archive:HotWindow", TimeSpan.FromDays(7)),
            MaintenanceInterval = configuration.GetValue("Query:Archive:MaintenanceInterval", TimeSpan.FromSeconds(5)),
            TargetObjectBytes = configuration.GetValue("Query:Archive:TargetObjectBytes", 128L << 20),
            CacheBytes = configuration.GetValue("Query:Archive:CacheBytes", 4L << 30),
            SupersededGrace = configuration.GetValue("Query:Archive:SupersededGrace", TimeSpan.FromMinutes(2)),
        });
        services.AddSingleton(_ => new BlobStorageClient(BlobConnection.Parse(configuration.Required("blob"))));
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ArchiveCache>();
        services.AddSingleton<ArchiveSweeper>();
        services.AddSingleton<ArchiveWriter>();
        services.AddSingleton(sp => new ReadModel(sp.GetRequiredService<SegmentLayout>(), sp.GetRequiredService<QueryDatabase>(),
            sp.GetRequiredService<ILogger<ReadModel>>(), sp.GetRequiredService<ArchiveStore>()));
        services.AddSingleton(new SegmentWriter(storage.RowGroupRows));
        services.AddSingleton<HeadFlusher>();
        services.AddSingleton<TailHub>();
        services.AddSingleton<LogIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<LogIndexer>());
        services.AddSingleton(_ => new MessageProducer(configuration.Required("kafka"), "query"));
        services.AddSingleton<LifecycleEvents>();
        services.AddSingleton<Compactor>();
        services.AddSingleton<ArchiveTiering>();
        services.AddSingleton<Retention>();
        services.AddSingleton<TenantErasure>();
        services.AddSingleton<DeleteByQuery>();
        services.AddSingleton<StorageMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageMaintenance>());
        services.AddHealthChecks().AddCheck<IndexerHealthCheck>("indexer", tags: [ServiceDefaults.Extensions.ReadyTag]);
        services.AddSingleton(new QueryBudget(configuration.GetValue("Query:TimeBudget", TimeSpan.FromSeconds(30))));
        services.AddSingleton(new QueryAdmission(configuration.GetValue("Query:ConcurrentQueriesPerTenant", 4)));
        services.AddSingleton<QueryCache>();
        services.AddSingleton<QueryAudit>();
        services.AddSingleton(sp => new SearchExecutor(sp.GetRequiredService<ReadModel>(), sp.GetRequiredService<QueryDatabase>(),
            sp.GetRequiredService<QueryBudget>(), sp.GetRequiredService<ArchiveCache>()));
        services.AddSingleton<QueryService>();
        return builder;
    }
}
