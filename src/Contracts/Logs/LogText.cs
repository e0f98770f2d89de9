using System.Buffers;
using System.Text;

namespace Contracts.Logs;

/// <summary>
/// Turns text from a request into what the platform stores: invalid UTF-8 becomes U+FFFD (instead of failing the whole
/// request) and NUL characters are removed, because downstream stores and C-string based tools truncate at them.
/// </summary>
public static class LogText
{
    public static string FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        if (utf8.IndexOf((byte)0) < 0) return Encoding.UTF8.GetString(utf8);

        var rented = ArrayPool<byte>.Shared.Rent(utf8.Length);
        try
        {
            var kept = 0;
            foreach (var b in utf8)
                if (b != 0) rented[kept++] = b;
            return Encoding.UTF8.GetString(rented, 0, kept);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>For strings a decoder already produced (protobuf replaces invalid UTF-8 itself): only NULs remain to strip.</summary>
    public static string Clean(string text) => text.Contains('\0') ? text.Replace("\0", "") : text;
}
