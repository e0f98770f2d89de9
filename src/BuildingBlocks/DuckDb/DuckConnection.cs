using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.DuckDb;

/// <summary>A session on a <see cref="DuckDatabase"/>. Not thread-safe: use one connection per thread.</summary>
/// <remarks>A failed statement throws <see cref="DuckDbException"/> and leaves the connection usable.</remarks>
public sealed class DuckConnection : IDisposable
{
    readonly ConnectionHandle handle;

    internal DuckConnection(ConnectionHandle handle) => this.handle = handle;

    /// <summary>Runs one or more statements separated by ';' and returns the rows changed by the last one.</summary>
    public long Execute(string sql)
    {
        using var result = Run(sql);
        return (long)duckdb_rows_changed(result);
    }

    /// <summary>Runs a query without parameters. Use <see cref="Prepare"/> for anything that carries values.</summary>
    public DuckReader Query(string sql) => new(Run(sql));

    /// <summary>The first column of the first row, or default when there is no row or the value is NULL.</summary>
    /// <remarks>Ask for a nullable type (long?) to tell NULL from zero.</remarks>
    public T? ExecuteScalar<T>(string sql)
    {
        using var reader = Query(sql);
        return ScalarValue.Read<T>(reader);
    }

    public DuckStatement Prepare(string sql)
    {
        var state = duckdb_prepare(Live, sql, out var statement);
        statement.DependOn(handle);
        if (state == DuckState.Success) return new DuckStatement(statement);
        using (statement)
            throw new DuckDbException(Text(duckdb_prepare_error(statement)) ?? "DuckDB could not prepare the statement.");
    }

    /// <param name="schema">The table's schema, or null for the default ("main").</param>
    public DuckAppender CreateAppender(string? schema, string table)
    {
        var state = duckdb_appender_create(Live, schema, table, out var appender);
        appender.DependOn(handle);
        if (state == DuckState.Success) return new DuckAppender(appender);
        using (appender)
            throw new DuckDbException(Text(duckdb_appender_error(appender)) ?? $"DuckDB could not append to '{table}'.");
    }

    public DuckAppender CreateAppender(string table) => CreateAppender(null, table);

    /// <summary>Stops the statement running on this connection (from another thread); it fails with an INTERRUPT error.</summary>
    public void Interrupt() => duckdb_interrupt(Live);

    public void Dispose() => handle.Dispose();

    ResultHandle Run(string sql)
    {
        var result = ResultHandle.Allocate();
        if (duckdb_query(Live, sql, result) == DuckState.Success) return result;
        using (result)
            throw new DuckDbException(ResultError(result));
    }

    ConnectionHandle Live => handle.IsClosed ? throw new ObjectDisposedException(nameof(DuckConnection)) : handle;
}
