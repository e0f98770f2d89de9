using System.Text;

namespace Processing.Pipelines;

/// <summary>Cuts text to a UTF-8 byte budget without splitting a character.</summary>
static class TextLimit
{
    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/>, or null when it fits already.</summary>
    public static string? Cut(string text, int maxBytes)
    {
        // UTF-8 needs at most three bytes per UTF-16 char, so almost every value fits without counting.
        if ((long)text.Length * 3 <= maxBytes) return null;
        if (text.Length <= maxBytes && Encoding.UTF8.GetByteCount(text) <= maxBytes) return null;

        var bytes = 0;
        var end = 0;
        while (end < text.Length)
        {
            var pair = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]);
            var size = pair ? 4 : text[end] < 0x80 ? 1 : text[end] < 0x800 ? 2 : 3;
            if (bytes + size > maxBytes) break;
            bytes += size;
            end += pair ? 2 : 1;
        }
        return end == text.Length ? null : text[..end];
    }
}
