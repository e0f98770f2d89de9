using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>A native object that must not outlive the object it was created from.</summary>
/// <remarks>
/// Holding a reference count on the parent means disposing a database while its connections (or a connection while
/// its statements and appenders) are still in use defers the parent's close until the last child is released,
/// whatever order callers or finalizers run in.
/// </remarks>
internal abstract class DependentHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    SafeHandle? parent;

    /// <summary>Keeps <paramref name="owner"/> open until this handle is released; does nothing for a failed creation.</summary>
    public void DependOn(SafeHandle owner)
    {
        if (IsInvalid) return;
        var added = false;
        owner.DangerousAddRef(ref added);
        if (added) parent = owner;
    }

    protected sealed override bool ReleaseHandle()
    {
        try
        {
            Destroy(handle);
        }
        finally
        {
            parent?.DangerousRelease();
        }
        return true;
    }

    protected abstract void Destroy(nint native);
}
