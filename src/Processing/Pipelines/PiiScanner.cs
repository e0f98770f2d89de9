namespace Processing.Pipelines;

[Flags]
enum PiiKinds : byte
{
    None = 0,
    Email = 1,
    Ipv4 = 2,
    CreditCard = 4,
}

/// <summary>
/// Redacts emails, IPv4 addresses and card numbers in one left-to-right pass, without a regex: vectorised searches
/// jump to the next '@' or digit, and only those spots are examined (see <see cref="EmailAddresses"/>,
/// <see cref="Ipv4Addresses"/>, <see cref="CardNumbers"/>). An email and a card become the replacement; an address
/// keeps its first three parts and loses the last ("10.1.2.3" → "10.1.2.x"), which hides the host but still shows the
/// network, and is no longer an address that any later reader could parse or look up.
/// </summary>
static class PiiScanner
{
    public const string MaskedPart = "x";

    /// <summary>The text with what <paramref name="kinds"/> names replaced; the same instance when nothing was found.</summary>
    public static string Redact(string text, PiiKinds kinds, string replacement, ref int count)
    {
        var span = text.AsSpan();
        var emails = (kinds & PiiKinds.Email) != 0 && span.Contains('@');
        var numbers = (kinds & (PiiKinds.Ipv4 | PiiKinds.CreditCard)) != 0 && span.ContainsAnyInRange('0', '9');
        if (!emails && !numbers) return text;

        var output = new RedactedText(text);
        var cursor = 0; // everything before it is decided
        var searchAt = 0; // where to look for the next '@'
        while (true)
        {
            int emailStart = span.Length, emailEnd = span.Length;
            while (emails && searchAt < span.Length)
            {
                var at = span[searchAt..].IndexOf('@');
                if (at < 0)
                {
                    searchAt = span.Length;
                    break;
                }
                at += searchAt;
                searchAt = at + 1;
                if (EmailAddresses.TryFind(span, at, cursor, out emailStart, out emailEnd)) break;
                emailStart = emailEnd = span.Length;
            }

            // Numbers before the next address first; an address swallows the digits inside it.
            while (numbers && cursor < emailStart)
            {
                var digit = span[cursor..emailStart].IndexOfAnyInRange('0', '9');
                if (digit < 0) break;
                cursor = Number(span, cursor + digit, emailStart, kinds, replacement, ref output, ref count);
            }
            if (emailStart == span.Length) break;
            output.Replace(emailStart, emailEnd, replacement);
            count++;
            cursor = searchAt = emailEnd;
        }
        return output.Finish();
    }

    static int Number(ReadOnlySpan<char> text, int start, int limit, PiiKinds kinds, string replacement, ref RedactedText output, ref int count)
    {
        var groupEnd = start;
        while (groupEnd < limit && char.IsAsciiDigit(text[groupEnd])) groupEnd++;
        if (Ipv4Addresses.DottedAfter(text, groupEnd, limit))
        {
            if (!Ipv4Addresses.ReadDotted(text, start, limit, out var end, out var lastPart) || (kinds & PiiKinds.Ipv4) == 0) return end;
            output.Replace(lastPart, end, MaskedPart);
            count++;
            return end;
        }
        if ((kinds & PiiKinds.CreditCard) == 0 || !CardNumbers.MayStartAt(text, start, groupEnd, limit)) return groupEnd;
        return CardNumbers.Redact(text, start, limit, replacement, ref output, ref count);
    }
}
