using Contracts.Logs;
using Microsoft.Extensions.Logging.Abstractions;
using Query.Indexing;
using Query.Language;
using Query.Search;
using Query.Segments;
using Query.Storage;

namespace Query.Tests.Search;

/// <summary>The read model on a temporary folder with the real DuckDB, filled without Kafka: head, flush, search.</summary>
public sealed class LocalReadModel : IDisposable
{
    public const string Tenant = "acme";
    readonly string directory = Path.Combine(Path.GetTempPath(), "query-tests-" + Guid.NewGuid().ToString("N")[..8]);
    long generation;

    public LocalReadModel(int rowGroupRows = 2048, string memoryLimit = "1GB", string tempLimit = "8GB")
    {
        Options = new StorageOptions(directory) { RowGroupRows = rowGroupRows, MemoryLimit = memoryLimit, TempLimit = tempLimit };
        Directory.CreateDirectory(Path.Combine(directory, "tmp"));
        Database = new QueryDatabase(Options);
        Writer = new SegmentWriter(rowGroupRows);
        ReadModel = Open();
    }

    public StorageOptions Options { get; }
    public QueryDatabase Database { get; }
    public SegmentWriter Writer { get; }
    public ReadModel ReadModel { get; private set; }

    /// <summary>A fresh read model over the same folder, as after a restart.</summary>
    public ReadModel Reopen() => ReadModel = Open();

    /// <summary>Appends records to a new head generation; returns it (still live and searchable).</summary>
    public HeadTable Append(IEnumerable<LogRecord> records, long offset = 0)
    {
        using var connection = Database.Connect();
        var head = new HeadTable(Database, connection, ++generation);
        using (var rows = new HeadRows(connection.CreateAppender(head.Name)))
        {
            var index = 0;
            foreach (var record in records) rows.Append(record.Tenant, 0, record, HeadRows.RowId(0, offset, index++));
            head.Rows = index;
        }
        ReadModel.AddHead(head);
        return head;
    }

    /// <summary>Appends records and flushes them into segments, as the indexer does each second.</summary>
    public void Flush(IEnumerable<LogRecord> records, long offset = 0)
    {
        var head = Append(records, offset);
        using var connection = Database.Connect();
        var parts = new HeadFlusher(ReadModel, Writer).Write(connection, head, new Dictionary<int, long> { [0] = offset + 1 });
        ReadModel.CommitFlush(head, parts);
    }

    public SearchResponse Search(string query, int limit = 1000, SearchCursor? cursor = null, string tenant = Tenant,
        long from = 0, long to = 4_000_000_000_000_000_000, TimeSpan? budget = null) =>
        new SearchExecutor(ReadModel, Database, new QueryBudget(budget ?? TimeSpan.FromSeconds(30)))
            .Run(new SearchRequest(tenant, QueryPlan.From(QueryParser.Parse(query)), from, to, limit, cursor));

    public IEnumerable<SearchResult> Lines(SearchResponse response) => response.Results!.Cast<SearchResult>();

    /// <summary>Every result, page after page.</summary>
    public List<SearchResult> SearchAll(string query, int pageSize = 1000)
    {
        var all = new List<SearchResult>();
        SearchCursor? cursor = null;
        while (true)
        {
            var page = Search(query, pageSize, cursor);
            all.AddRange(Lines(page));
            if (page.NextCursor is null) return all;
            SearchCursor.TryDecode(page.NextCursor, out var next).ShouldBeTrue();
            cursor = next;
        }
    }

    public static LogRecord Record(string message, long timeNanos, LogLevel level = LogLevel.Info, string? traceId = null,
        IReadOnlyDictionary<string, string>? attributes = null, string tenant = Tenant) => new()
    {
        Tenant = tenant, TimestampNanos = timeNanos, ObservedNanos = timeNanos, Level = level, Service = "api", Host = "web-1",
        Message = message, TraceId = traceId, Attributes = attributes ?? LogRecord.NoAttributes, Source = LogSource.Native,
    };

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    ReadModel Open()
    {
        var model = new ReadModel(new SegmentLayout(Options.SegmentsDirectory), Database, NullLogger<ReadModel>.Instance);
        model.Load();
        return model;
    }
}
