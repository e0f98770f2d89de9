namespace Query.Tail;

/// <summary>
/// Orders strings as DuckDB orders VARCHARs, by their UTF-8 bytes. That is UTF-16 ordinal order except between a
/// surrogate pair (U+10000 and up) and U+E000–U+FFFF, which UTF-16 puts the other way round.
/// </summary>
public static class Utf8Order
{
    public static int Compare(string left, string right)
    {
        var common = left.AsSpan().CommonPrefixLength(right);
        if (common == left.Length || common == right.Length) return left.Length.CompareTo(right.Length);
        return Rank(left[common]).CompareTo(Rank(right[common]));
    }

    // Surrogates move above U+FFFF's neighbours, everything from U+E000 down into the gap they leave.
    static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
