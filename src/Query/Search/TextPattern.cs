using System.Text;

namespace Query.Search;

/// <summary>
/// The RE2 pattern (DuckDB's regexp_matches) for a text match with exactly the token rules of
/// <see cref="Segments.Tokens"/>: ASCII letters match either case, everything else matches itself, and where the text
/// starts or ends with a token character the neighbouring character must not be one. That keeps a search's result
/// identical whether blocks were skipped by their bloom filter or scanned in full.
/// </summary>
public static class TextPattern
{
    // Token characters are ASCII letters, digits, '_' and every non-ASCII character; this class is everything else.
    const string Separator = @"[\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]";

    public static string For(string text)
    {
        var pattern = new StringBuilder();
        if (text.Length > 0 && IsTokenChar(text[0])) pattern.Append("(?:^|").Append(Separator).Append(')');
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            if (value is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                pattern.Append('[').Append((char)(value | 0x20)).Append((char)(value & ~0x20)).Append(']');
            else if (value < 0x80 && !char.IsAsciiLetterOrDigit((char)value))
                pattern.Append(@"\x").Append(value.ToString("X2"));
            else
                pattern.Append(rune.ToString());
        }
        if (text.Length > 0 && IsTokenChar(text[^1])) pattern.Append("(?:$|").Append(Separator).Append(')');
        return pattern.ToString();
    }

    static bool IsTokenChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_';
}
