using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>The appender: row-wise bulk loading into one table.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckState duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_appender_error(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_appender_flush(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_appender_close(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_appender_destroy(ref nint appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_appender_end_row(AppenderHandle appender);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_bool(AppenderHandle appender, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_int32(AppenderHandle appender, int value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_int64(AppenderHandle appender, long value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_double(AppenderHandle appender, double value);

    /// <remarks>See <see cref="duckdb_bind_timestamp"/> for why a long stands for duckdb_timestamp.</remarks>
    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_timestamp(AppenderHandle appender, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_varchar_length(AppenderHandle appender, byte* utf8, ulong length);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_append_null(AppenderHandle appender);
}
