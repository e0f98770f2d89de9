using System.Buffers.Text;
using System.Text;

namespace Ingestion.Protocols.Json;

/// <summary>
/// Undoes JSON string escapes into UTF-8 without validating the rest of the bytes. System.Text.Json refuses to unescape
/// a string that also holds invalid UTF-8; intake keeps such strings (the bad bytes become U+FFFD later) instead of
/// rejecting the record.
/// </summary>
static class JsonEscapes
{
    /// <summary>Writes the unescaped form of <paramref name="escaped"/> (the raw bytes between the quotes, whose escape
    /// syntax the reader has already checked) to <paramref name="destination"/>, which needs at most as many bytes.</summary>
    public static int Unescape(ReadOnlySpan<byte> escaped, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                escaped.CopyTo(destination[written..]);
                return written + escaped.Length;
            }
            escaped[..backslash].CopyTo(destination[written..]);
            written += backslash;
            var code = escaped[backslash + 1];
            escaped = escaped[(backslash + 2)..];
            if (code != (byte)'u')
            {
                destination[written++] = code switch
                {
                    (byte)'n' => (byte)'\n',
                    (byte)'t' => (byte)'\t',
                    (byte)'r' => (byte)'\r',
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    _ => code, // \" \\ \/
                };
                continue;
            }
            var unit = Hex4(escaped);
            escaped = escaped[4..];
            var rune = Rune.ReplacementChar;
            if (char.IsHighSurrogate((char)unit) && escaped.Length >= 6 && escaped[0] == '\\' && escaped[1] == 'u'
                && char.IsLowSurrogate((char)Hex4(escaped[2..])))
            {
                rune = new Rune((char)unit, (char)Hex4(escaped[2..]));
                escaped = escaped[6..];
            }
            else if (!char.IsSurrogate((char)unit))
            {
                rune = new Rune(unit);
            }
            written += rune.EncodeToUtf8(destination[written..]);
        }
    }

    static int Hex4(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits[..4], out ushort value, out var consumed, 'X') && consumed == 4 ? value : 0xFFFD;
}
