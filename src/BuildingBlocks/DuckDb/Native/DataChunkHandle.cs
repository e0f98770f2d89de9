using Microsoft.Win32.SafeHandles;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns one duckdb_data_chunk fetched from a result; the vectors read from it die with it.</summary>
internal sealed class DataChunkHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var native = handle;
        NativeMethods.duckdb_destroy_data_chunk(ref native);
        return true;
    }
}
