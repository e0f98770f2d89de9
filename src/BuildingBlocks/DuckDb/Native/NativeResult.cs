using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>duckdb_result from duckdb.h (API 0.3.2, unchanged through 1.5): the caller allocates it, DuckDB fills it.</summary>
/// <remarks>
/// Only the size and <see cref="InternalData"/> matter to us: duckdb_fetch_chunk takes the struct by value, and the
/// library reads internal_data at offset 40 (checked in its machine code), so the struct is 48 bytes on x64.
/// The deprecated fields are kept so the layout stays honest.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeResult
{
    public const int Size = 48;

    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}
