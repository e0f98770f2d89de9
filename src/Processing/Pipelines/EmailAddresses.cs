namespace Processing.Pipelines;

/// <summary>
/// Finds the email address around an '@'. Deliberately looser than RFC 5322 where that can only hide more, and
/// stricter where logs are full of look-alikes: the local part is letters, digits and <c>. _ % + -</c> (rarer RFC
/// characters such as <c>= / '</c> end it, so <c>user=bob@example.com</c> keeps its <c>user=</c>); the domain is at
/// least two dot-separated labels of letters, digits and hyphens whose last label starts with a letter, which leaves
/// <c>lodash@4.17.21</c> and <c>root@localhost</c> alone. Non-ASCII letters count as letters (internationalised addresses).
/// </summary>
static class EmailAddresses
{
    /// <summary>The address whose '@' is at <paramref name="at"/>, reaching back no further than <paramref name="floor"/>.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, int at, int floor, out int start, out int end)
    {
        start = at;
        while (start > floor && IsLocal(text[start - 1])) start--;
        while (start < at && text[start] == '.') start++; // an ellipsis before the address is not part of it
        end = at + 1;
        if (start == at) return false;

        var labels = 0;
        int labelStart;
        while (true)
        {
            labelStart = end;
            while (end < text.Length && IsDomain(text[end])) end++;
            if (end == labelStart) return false; // only the first label can be empty: a dot is taken only before a label
            labels++;
            if (end + 1 < text.Length && text[end] == '.' && IsDomain(text[end + 1])) end++;
            else break;
        }
        return labels >= 2 && end - labelStart >= 2 && IsLetter(text[labelStart]);
    }

    static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' || (c >= 0x80 && char.IsLetterOrDigit(c));

    static bool IsDomain(char c) => char.IsAsciiLetterOrDigit(c) || c == '-' || (c >= 0x80 && char.IsLetterOrDigit(c));

    static bool IsLetter(char c) => char.IsAsciiLetter(c) || (c >= 0x80 && char.IsLetter(c));
}
