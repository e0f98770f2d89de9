using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Owns a native block holding a <see cref="NativeResult"/>; passed where the C API expects duckdb_result*.</summary>
/// <remarks>The struct lives in native memory, not in the reader, so it cannot move and is freed exactly once.</remarks>
internal sealed unsafe class ResultHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    public static ResultHandle Allocate()
    {
        var result = new ResultHandle();
        // Zeroed, because duckdb_destroy_result must be safe even when a call failed before filling the struct.
        result.SetHandle((nint)NativeMemory.AllocZeroed(NativeResult.Size));
        return result;
    }

    /// <summary>A copy of the struct, for functions that take duckdb_result by value. Valid while this handle is open.</summary>
    public NativeResult Value => *(NativeResult*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMethods.duckdb_destroy_result((NativeResult*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
