using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Prepared statements and their parameters. Parameter indexes are 1-based, like $1 in SQL.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckState duckdb_prepare(ConnectionHandle connection, string sql, out PreparedStatementHandle statement);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_destroy_prepare(ref nint statement);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_int64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_double(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_boolean(PreparedStatementHandle statement, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_varchar_length(PreparedStatementHandle statement, ulong index, byte* utf8, ulong length);

    /// <remarks>duckdb_timestamp is a struct holding one int64_t, which the ABI passes exactly like an int64_t.</remarks>
    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_timestamp(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_bind_null(PreparedStatementHandle statement, ulong index);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_execute_prepared(PreparedStatementHandle statement, ResultHandle result);
}
