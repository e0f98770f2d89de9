namespace Processing.Pipelines;

/// <summary>
/// Dotted runs of digits. Exactly four parts of one to three digits, each at most 255, make an IPv4 address; longer
/// runs (SNMP OIDs, four-part versions with a fifth part) and decimals are not addresses and are left whole, digits
/// after a dot included, so no part of them is mistaken for a card number either.
/// </summary>
static class Ipv4Addresses
{
    /// <summary>Reads the dotted run starting at <paramref name="start"/>, a digit.</summary>
    /// <param name="end">Where the run ends.</param>
    /// <param name="lastPart">Where its fourth part starts, when it is an address.</param>
    /// <returns>Whether the run is an IPv4 address.</returns>
    public static bool ReadDotted(ReadOnlySpan<char> text, int start, int limit, out int end, out int lastPart)
    {
        var parts = 0;
        var valid = true;
        end = start;
        lastPart = start;
        while (true)
        {
            var partStart = end;
            var value = 0;
            while (end < limit && char.IsAsciiDigit(text[end]))
            {
                value = Math.Min(value * 10 + (text[end] - '0'), 1000);
                end++;
            }
            parts++;
            lastPart = partStart;
            valid &= end - partStart <= 3 && value <= 255;
            if (end + 1 < limit && text[end] == '.' && char.IsAsciiDigit(text[end + 1])) end++;
            else break;
        }
        return valid && parts == 4;
    }

    /// <summary>Whether the digit group ending at <paramref name="end"/> continues as a dotted run.</summary>
    public static bool DottedAfter(ReadOnlySpan<char> text, int end, int limit) =>
        end + 1 < limit && text[end] == '.' && char.IsAsciiDigit(text[end + 1]);
}
