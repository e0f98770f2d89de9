using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.DuckDb;

/// <summary>Bulk-loads rows into one table: one Append per column in table order, then <see cref="EndRow"/>.</summary>
/// <remarks>
/// Rows become visible on <see cref="Flush"/> or <see cref="Dispose"/>. A failed append, row or flush throws
/// <see cref="DuckDbException"/> with DuckDB's message; the appender is unusable afterwards. Not thread-safe.
/// </remarks>
public sealed unsafe class DuckAppender : IDisposable
{
    readonly AppenderHandle handle;
    bool failed;

    internal DuckAppender(AppenderHandle handle) => this.handle = handle;

    public DuckAppender Append(long value) => Checked(duckdb_append_int64(Live, value));

    public DuckAppender Append(int value) => Checked(duckdb_append_int32(Live, value));

    public DuckAppender Append(double value) => Checked(duckdb_append_double(Live, value));

    public DuckAppender Append(bool value) => Checked(duckdb_append_bool(Live, value));

    /// <summary>Appends a TIMESTAMP, to the microsecond; see <see cref="UnixTime"/> for how kinds are treated.</summary>
    public DuckAppender Append(DateTime value) => Checked(duckdb_append_timestamp(Live, UnixTime.ToMicros(value)));

    /// <summary>Appends a VARCHAR, or NULL when <paramref name="value"/> is null.</summary>
    public DuckAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        using var utf8 = new Utf8Bytes(value, stackalloc byte[256]);
        return AppendUtf8(utf8.Span);
    }

    /// <summary>Appends a VARCHAR from bytes that are already UTF-8, e.g. a slice of a received buffer.</summary>
    public DuckAppender AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        fixed (byte* bytes = utf8)
            return Checked(duckdb_append_varchar_length(Live, bytes, (ulong)utf8.Length));
    }

    public DuckAppender AppendNull() => Checked(duckdb_append_null(Live));

    public DuckAppender EndRow() => Checked(duckdb_appender_end_row(Live));

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Checked(duckdb_appender_flush(Live));

    /// <summary>Flushes, closes and releases the appender; throws if the final flush fails.</summary>
    /// <remarks>After an earlier failure (already thrown) it only releases, so it never hides that first exception.</remarks>
    public void Dispose()
    {
        if (handle.IsClosed) return;
        using (handle)
            if (!failed && duckdb_appender_close(handle) == DuckState.Error)
                throw new DuckDbException(Error());
    }

    DuckAppender Checked(DuckState state)
    {
        if (state == DuckState.Success) return this;
        failed = true;
        throw new DuckDbException(Error());
    }

    string Error() => Text(duckdb_appender_error(handle)) ?? "The DuckDB appender failed without a message.";

    AppenderHandle Live => handle.IsClosed ? throw new ObjectDisposedException(nameof(DuckAppender)) : handle;
}
