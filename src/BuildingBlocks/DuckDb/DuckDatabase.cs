using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.DuckDb;

/// <summary>An open DuckDB database, in memory or in a file. Thread-safe; open one connection per concurrent user.</summary>
public sealed class DuckDatabase : IDisposable
{
    readonly DatabaseHandle handle;

    DuckDatabase(DatabaseHandle handle) => this.handle = handle;

    /// <summary>The loaded library's version, e.g. "v1.5.6".</summary>
    public static string LibraryVersion => Text(duckdb_library_version()) ?? "";

    /// <param name="path">A database file, or null / ":memory:" for a private in-memory database.</param>
    /// <param name="config">DuckDB settings applied at start-up, e.g. threads = "2", memory_limit = "512MB".</param>
    public static DuckDatabase Open(string? path = null, IReadOnlyDictionary<string, string>? config = null)
    {
        var nativeConfig = CreateConfig(config);
        try
        {
            if (duckdb_open_ext(path, out var database, nativeConfig, out var error) == DuckState.Success)
                return new DuckDatabase(database);
            database.Dispose();
            throw new DuckDbException(TakeOpenError(error, path));
        }
        finally
        {
            if (nativeConfig != 0) duckdb_destroy_config(ref nativeConfig);
        }
    }

    public DuckConnection Connect()
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var state = duckdb_connect(handle, out var connection);
        connection.DependOn(handle);
        if (state == DuckState.Success) return new DuckConnection(connection);
        connection.Dispose();
        throw new DuckDbException("DuckDB could not open a connection to the database.");
    }

    /// <summary>Closes the database once every connection made from it is disposed as well.</summary>
    public void Dispose() => handle.Dispose();

    static nint CreateConfig(IReadOnlyDictionary<string, string>? settings)
    {
        if (settings is null || settings.Count == 0) return 0;
        if (duckdb_create_config(out var config) == DuckState.Error)
            throw new DuckDbException("DuckDB could not create a configuration.");
        foreach (var (name, value) in settings)
        {
            if (duckdb_set_config(config, name, value) == DuckState.Success) continue;
            duckdb_destroy_config(ref config);
            throw new DuckDbException($"DuckDB rejected the setting {name} = '{value}'.");
        }
        return config;
    }

    // duckdb_open_ext hands over a malloc'd message that only duckdb_free may release.
    static string TakeOpenError(nint error, string? path)
    {
        if (error == 0) return $"DuckDB could not open '{path ?? ":memory:"}'.";
        try
        {
            return Text(error) ?? "";
        }
        finally
        {
            duckdb_free(error);
        }
    }
}
