using System.Buffers;
using System.Text;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>The UTF-8 bytes of a string for one native call.</summary>
/// <remarks>
/// Binding and appending strings sit on ingest paths, so the bytes go to a caller-provided stack buffer when they fit
/// and to a pooled array otherwise; passing an explicit length also keeps embedded NULs intact.
/// </remarks>
internal ref struct Utf8Bytes
{
    byte[]? rented;

    public Utf8Bytes(string value, Span<byte> scratch)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length) <= scratch.Length ? 0 : Encoding.UTF8.GetByteCount(value);
        var buffer = needed <= scratch.Length ? scratch : rented = ArrayPool<byte>.Shared.Rent(needed);
        Span = buffer[..Encoding.UTF8.GetBytes(value, buffer)];
    }

    public ReadOnlySpan<byte> Span { get; }

    public void Dispose()
    {
        if (rented is null) return;
        ArrayPool<byte>.Shared.Return(rented);
        rented = null;
    }
}
