using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Queries, results, data chunks and vectors.</summary>
internal static unsafe partial class NativeMethods
{
    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckState duckdb_query(ConnectionHandle connection, string sql, ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_destroy_result(NativeResult* result);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_result_error(ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial ulong duckdb_column_count(ResultHandle result);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_column_name(ResultHandle result, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial int duckdb_column_type(ResultHandle result, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial ulong duckdb_rows_changed(ResultHandle result);

    /// <remarks>Takes duckdb_result by value (48 bytes, passed in memory); returns null when the result is exhausted.</remarks>
    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DataChunkHandle duckdb_fetch_chunk(NativeResult result);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_destroy_data_chunk(ref nint chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial ulong duckdb_data_chunk_get_size(DataChunkHandle chunk);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_data_chunk_get_vector(DataChunkHandle chunk, ulong column);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void* duckdb_vector_get_data(nint vector);

    /// <remarks>Null when every row of the vector is valid.</remarks>
    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial ulong* duckdb_vector_get_validity(nint vector);

    internal static string ResultError(ResultHandle result) =>
        Text(duckdb_result_error(result)) ?? "DuckDB reported an error without a message.";
}
