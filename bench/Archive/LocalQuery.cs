using BuildingBlocks.DuckDb;
using Contracts.Logs;
using Microsoft.Extensions.Logging.Abstractions;
using Query.Archive;
using Query.Indexing;
using Query.Language;
using Query.Search;
using Query.Segments;
using Query.Storage;

namespace Archive.Bench;

/// <summary>
/// The Query service's read model on a folder, opened as QueryModule opens it (the service's default storage options,
/// DuckDB's 1 GB memory limit) and filled as the indexer fills it, without Kafka: records are appended to an in-memory
/// head, and a head of 250,000 rows is flushed into hot segments (one per hour of event time).
/// </summary>
sealed class LocalQuery : IDisposable
{
    long generation;

    LocalQuery(string directory, ArchiveStore store, ArchiveOptions archive)
    {
        Storage = new StorageOptions(directory);
        Directory.CreateDirectory(Path.Combine(directory, "tmp"));
        Database = new QueryDatabase(Storage);
        ReadModel = new ReadModel(new SegmentLayout(Storage.SegmentsDirectory), Database, NullLogger<ReadModel>.Instance, store);
        ReadModel.Load();
        Cache = new ArchiveCache(store, archive, NullLogger<ArchiveCache>.Instance);
        Executor = new SearchExecutor(ReadModel, Database, new QueryBudget(TimeSpan.FromMinutes(10)), Cache);
    }

    public StorageOptions Storage { get; }
    public QueryDatabase Database { get; }
    public ReadModel ReadModel { get; }
    public ArchiveCache Cache { get; }
    public SearchExecutor Executor { get; }

    /// <summary>The read model on <paramref name="directory"/> as after a restart: a new DuckDB, a new (empty) archive cache.</summary>
    public static LocalQuery Open(string directory, ArchiveStore store, ArchiveOptions archive) => new(directory, store, archive);

    /// <summary>Appends every batch, flushing whenever the head reaches its row limit; returns the number of flushes.</summary>
    public int Index(IEnumerable<(long Number, List<LogRecord> Records)> batches)
    {
        using var connection = Database.Connect();
        var flusher = new HeadFlusher(ReadModel, new SegmentWriter(Storage.RowGroupRows));
        var flushes = 0;
        HeadTable? head = null;
        HeadRows? rows = null;
        long next = 0;
        foreach (var (number, records) in batches)
        {
            if (head is null)
            {
                head = new HeadTable(Database, connection, ++generation);
                rows = new HeadRows(connection.CreateAppender(head.Name));
                ReadModel.AddHead(head);
            }
            for (var i = 0; i < records.Count; i++) rows!.Append(records[i].Tenant, 0, records[i], HeadRows.RowId(0, number, i));
            head.Rows += records.Count;
            next = number + 1;
            if (head.Rows < Storage.MaxHeadRows) continue;
            Flush(connection, flusher, head, rows!, next);
            (head, rows, flushes) = (null, null, flushes + 1);
        }
        if (head is not null)
        {
            Flush(connection, flusher, head, rows!, next);
            flushes++;
        }
        return flushes;
    }

    void Flush(DuckConnection connection, HeadFlusher flusher, HeadTable head, HeadRows rows, long nextOffset)
    {
        rows.Dispose();
        ReadModel.CommitFlush(head, flusher.Write(connection, head, new Dictionary<int, long> { [0] = nextOffset }));
    }

    public SearchResponse Search(string tenant, string query, long fromNanos, long toNanos, int limit = 100) =>
        Executor.Run(new SearchRequest(tenant, QueryPlan.From(QueryParser.Parse(query)), fromNanos, toNanos, limit, null));

    public void Dispose() => Database.Dispose();
}
