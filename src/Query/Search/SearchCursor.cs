using System.Buffers.Binary;
using System.Buffers.Text;

namespace Query.Search;

/// <summary>
/// Where the previous page ended: the last result's time and row id. The next page holds strictly older results in
/// (time, row id) order, so pages stay stable while new lines arrive. It carries no tenant: it only positions a
/// search within the tenant of the key that presents it.
/// </summary>
public readonly record struct SearchCursor(long TimeNanos, long RowId)
{
    const byte Version = 1;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[17];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], TimeNanos);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], RowId);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out SearchCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 32) return false;
        Span<byte> bytes = stackalloc byte[24];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(text, bytes, out written)) return false;
        }
        catch (FormatException)
        {
            return false; // .NET reports characters outside the alphabet and bad lengths by throwing
        }
        if (written != 17 || bytes[0] != Version) return false;
        cursor = new SearchCursor(BinaryPrimitives.ReadInt64BigEndian(bytes[1..]), BinaryPrimitives.ReadInt64BigEndian(bytes[9..]));
        return true;
    }
}
