using Microsoft.Win32.SafeHandles;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns a duckdb_database; closed with duckdb_close.</summary>
internal sealed class DatabaseHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var native = handle;
        NativeMethods.duckdb_close(ref native);
        return true;
    }
}
