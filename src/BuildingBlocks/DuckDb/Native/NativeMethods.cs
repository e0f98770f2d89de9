using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>duckdb_state: every fallible C API call returns it.</summary>
internal enum DuckState
{
    Success = 0,
    Error = 1,
}

/// <summary>The subset of DuckDB's stable C API (duckdb.h) this building block uses: opening, configuring, connecting.</summary>
/// <remarks>Signatures follow duckdb.h; idx_t is uint64_t, C bool is one byte, handles are pointers.</remarks>
internal static unsafe partial class NativeMethods
{
    // The resolver must be in place before the first call binds "duckdb"; this type is the only way in.
    static NativeMethods() => DuckDbLibrary.RegisterResolver();

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial nint duckdb_library_version();

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckState duckdb_open_ext(string? path, out DatabaseHandle database, nint config, out nint error);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_close(ref nint database);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_connect(DatabaseHandle database, out ConnectionHandle connection);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_disconnect(ref nint connection);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial DuckState duckdb_create_config(out nint config);

    [LibraryImport(DuckDbLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckState duckdb_set_config(nint config, string name, string option);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_destroy_config(ref nint config);

    [LibraryImport(DuckDbLibrary.Name)]
    internal static partial void duckdb_free(nint pointer);

    /// <summary>A UTF-8 string owned by DuckDB (not freed here), or null.</summary>
    internal static string? Text(nint utf8) => Marshal.PtrToStringUTF8(utf8);
}
