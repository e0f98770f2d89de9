using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.DuckDb;

/// <summary>A prepared statement. Parameters are numbered from 1, like $1 or the first ? in the SQL.</summary>
/// <remarks>Values travel as typed parameters, never as SQL text. Bindings stay in place between executions.</remarks>
public sealed unsafe class DuckStatement : IDisposable
{
    readonly PreparedStatementHandle handle;

    internal DuckStatement(PreparedStatementHandle handle) => this.handle = handle;

    public int ParameterCount => (int)duckdb_nparams(Live);

    public DuckStatement Bind(int index, long value) => Checked(duckdb_bind_int64(Live, Index(index), value), index);

    public DuckStatement Bind(int index, double value) => Checked(duckdb_bind_double(Live, Index(index), value), index);

    public DuckStatement Bind(int index, bool value) => Checked(duckdb_bind_boolean(Live, Index(index), value), index);

    /// <summary>Binds a TIMESTAMP, to the microsecond; see <see cref="UnixTime"/> for how kinds are treated.</summary>
    public DuckStatement Bind(int index, DateTime value) =>
        Checked(duckdb_bind_timestamp(Live, Index(index), UnixTime.ToMicros(value)), index);

    /// <summary>Binds a VARCHAR, or NULL when <paramref name="value"/> is null.</summary>
    public DuckStatement Bind(int index, string? value)
    {
        if (value is null) return BindNull(index);
        using var utf8 = new Utf8Bytes(value, stackalloc byte[256]);
        fixed (byte* bytes = utf8.Span)
            return Checked(duckdb_bind_varchar_length(Live, Index(index), bytes, (ulong)utf8.Span.Length), index);
    }

    public DuckStatement BindNull(int index) => Checked(duckdb_bind_null(Live, Index(index)), index);

    /// <summary>Runs the statement and returns the rows it changed (0 for statements that change none).</summary>
    public long ExecuteNonQuery()
    {
        using var result = Execute();
        return (long)duckdb_rows_changed(result);
    }

    public DuckReader ExecuteReader() => new(Execute());

    /// <inheritdoc cref="DuckConnection.ExecuteScalar{T}"/>
    public T? ExecuteScalar<T>()
    {
        using var reader = ExecuteReader();
        return ScalarValue.Read<T>(reader);
    }

    public void Dispose() => handle.Dispose();

    ResultHandle Execute()
    {
        var result = ResultHandle.Allocate();
        if (duckdb_execute_prepared(Live, result) == DuckState.Success) return result;
        using (result)
            throw new DuckDbException(ResultError(result));
    }

    // The C API reports a failed bind without a message; the usual cause is an index outside 1..ParameterCount.
    DuckStatement Checked(DuckState state, int index) => state == DuckState.Success
        ? this
        : throw new DuckDbException($"Could not bind parameter {index}: the statement has {ParameterCount} parameter(s), numbered from 1.");

    static ulong Index(int index) => index >= 1
        ? (ulong)index
        : throw new ArgumentOutOfRangeException(nameof(index), index, "Parameters are numbered from 1.");

    PreparedStatementHandle Live => handle.IsClosed ? throw new ObjectDisposedException(nameof(DuckStatement)) : handle;
}
