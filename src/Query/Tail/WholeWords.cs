namespace Query.Tail;

/// <summary>
/// A text match in C# with exactly the rules of <see cref="Search.TextPattern"/> (which search runs in DuckDB), so a
/// tail and a search agree on every line: ASCII letters match either case, every other character only itself, and
/// where the text starts (ends) with a token character, the character before (after) it must not be one.
/// </summary>
public static class WholeWords
{
    public static bool Occur(string text, ReadOnlySpan<char> message)
    {
        if (text.Length == 0) return true;
        var first = text[0];
        var boundedStart = IsTokenChar(first);
        var boundedEnd = IsTokenChar(text[^1]);
        var lastStart = message.Length - text.Length;
        for (var from = 0; from <= lastStart;)
        {
            // Candidates by their first character, vectorised (ignoring case through string.IndexOf is a scalar loop
            // under invariant globalisation, several times slower).
            var starts = message[from..(lastStart + 1)];
            var found = char.IsAsciiLetter(first) ? starts.IndexOfAny((char)(first | 0x20), (char)(first & ~0x20)) : starts.IndexOf(first);
            if (found < 0) return false;
            var at = from + found;
            var end = at + text.Length;
            if (EqualsAsciiFolded(message[at..end], text)
                && (!boundedStart || at == 0 || !IsTokenChar(message[at - 1]))
                && (!boundedEnd || end == message.Length || !IsTokenChar(message[end])))
                return true;
            from = at + 1;
        }
        return false;
    }

    /// <summary>ASCII letters, digits, '_' and every non-ASCII character (so each half of a surrogate pair).</summary>
    public static bool IsTokenChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_';

    static bool EqualsAsciiFolded(ReadOnlySpan<char> candidate, string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            char c = candidate[i], t = text[i];
            // For an ASCII letter t, c | 0x20 == t | 0x20 only when c is t in either case.
            if (c != t && !(char.IsAsciiLetter(t) && (c | 0x20) == (t | 0x20))) return false;
        }
        return true;
    }
}
