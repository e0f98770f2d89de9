using System.Collections.Concurrent;
using BuildingBlocks.DuckDb;

namespace Query.Storage;

/// <summary>
/// The service's one in-process DuckDB: it holds the in-memory heads and reads the Parquet segments. Connections are
/// pooled because a DuckDB connection serves one thread at a time and opening one per query costs a catalog copy.
/// </summary>
public sealed class QueryDatabase : IDisposable
{
    readonly DuckDatabase database;
    readonly ConcurrentBag<DuckConnection> idle = [];

    public QueryDatabase(StorageOptions options)
    {
        database = DuckDatabase.Open(null, new Dictionary<string, string>
        {
            ["threads"] = options.Threads.ToString(),
            ["memory_limit"] = options.MemoryLimit,
            ["temp_directory"] = Path.Combine(options.DataDirectory, "tmp"),
            ["max_temp_directory_size"] = options.TempLimit,
        });
    }

    /// <summary>A connection for the caller's exclusive use; dispose the lease to give it back.</summary>
    public Lease Rent() => new(this, idle.TryTake(out var connection) ? connection : database.Connect());

    /// <summary>A connection owned by one long-lived worker (the indexer, the compactor).</summary>
    public DuckConnection Connect() => database.Connect();

    public void Dispose()
    {
        while (idle.TryTake(out var connection)) connection.Dispose();
        database.Dispose();
    }

    public readonly struct Lease(QueryDatabase owner, DuckConnection connection) : IDisposable
    {
        public DuckConnection Connection => connection;
        public void Dispose() => owner.idle.Add(connection);
    }
}
