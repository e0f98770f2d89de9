using System.Globalization;

namespace Processing.Pipelines;

/// <summary>
/// Reads the timestamps parse stages find: RFC 3339 (leniently: 't' or a space as separator, 'z', an offset without a
/// colon, no offset read as UTC, a fraction to nanoseconds) or a Unix epoch number whose unit is guessed from its size.
/// Everything else is not a timestamp this reads; the caller keeps such text as an attribute.
/// </summary>
static class TimestampText
{
    const long NanosPerSecond = 1_000_000_000;
    // Unix nanoseconds fit a long from 1677 to 2262.
    const int MinYear = 1678, MaxYear = 2261;

    public static bool TryParse(ReadOnlySpan<char> text, out long unixNanos)
    {
        text = text.Trim();
        return TryParseRfc3339(text, out unixNanos) || TryParseEpoch(text, out unixNanos);
    }

    /// <summary>RFC 3339 in UTC with as many fraction digits as needed, for a rename or drop_if that reads the timestamp.</summary>
    public static string Format(long unixNanos)
    {
        var seconds = Math.DivRem(unixNanos, NanosPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += NanosPerSecond;
        }
        var nanos = (int)remainder;
        var whole = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return nanos == 0 ? whole + "Z" : $"{whole}.{nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0')}Z";
    }

    static bool TryParseRfc3339(ReadOnlySpan<char> text, out long unixNanos)
    {
        unixNanos = 0;
        var p = 0;
        if (!Digits(text, ref p, 4, out var year) || !Expect(text, ref p, '-') || !Digits(text, ref p, 2, out var month)
            || !Expect(text, ref p, '-') || !Digits(text, ref p, 2, out var day))
            return false;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        if (p < text.Length && text[p] is 'T' or 't' or ' ')
        {
            p++;
            if (!Digits(text, ref p, 2, out hour) || !Expect(text, ref p, ':') || !Digits(text, ref p, 2, out minute)) return false;
            if (p < text.Length && text[p] == ':')
            {
                p++;
                if (!Digits(text, ref p, 2, out second)) return false;
                if (p < text.Length && text[p] is '.' or ',' && !Fraction(text, ref p, out fraction)) return false;
            }
            if (hour > 23 || minute > 59 || second > 60) return false;
            second = Math.Min(second, 59); // a leap second is folded into the one before it
        }

        var offsetMinutes = 0;
        if (p < text.Length)
        {
            var sign = text[p++];
            if (sign is '+' or '-')
            {
                if (!Digits(text, ref p, 2, out var hours)) return false;
                if (p < text.Length && text[p] == ':') p++;
                if (!Digits(text, ref p, 2, out var minutes) || hours > 23 || minutes > 59) return false;
                offsetMinutes = (hours * 60 + minutes) * (sign == '-' ? -1 : 1);
            }
            else if (sign is not ('Z' or 'z')) return false;
            if (p != text.Length) return false;
        }

        var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        unixNanos = seconds * NanosPerSecond + fraction;
        return true;
    }

    /// <summary>Seconds below 10^11, milliseconds below 10^14, microseconds below 10^17, else nanoseconds: unambiguous from 1973 to 5138.</summary>
    static bool TryParseEpoch(ReadOnlySpan<char> text, out long unixNanos)
    {
        unixNanos = 0;
        var p = 0;
        long whole = 0;
        while (p < text.Length && char.IsAsciiDigit(text[p]))
        {
            if (whole > (long.MaxValue - 9) / 10) return false;
            whole = whole * 10 + (text[p++] - '0');
        }
        if (p == 0) return false;
        long fraction = 0; // in billionths of the unit
        if (p < text.Length && text[p] == '.' && !Fraction(text, ref p, out fraction)) return false;
        if (p != text.Length) return false;

        var nanosPerUnit = whole < 100_000_000_000L ? NanosPerSecond : whole < 100_000_000_000_000L ? 1_000_000L
            : whole < 100_000_000_000_000_000L ? 1_000L : 1L;
        if (whole > long.MaxValue / nanosPerUnit - 1) return false;
        unixNanos = whole * nanosPerUnit + fraction * nanosPerUnit / NanosPerSecond;
        return true;
    }

    static bool Fraction(ReadOnlySpan<char> text, ref int p, out long nanos)
    {
        p++; // the separator
        nanos = 0;
        var digits = 0;
        for (; p < text.Length && char.IsAsciiDigit(text[p]); p++, digits++)
            if (digits < 9) nanos = nanos * 10 + (text[p] - '0');
        for (var i = digits; i < 9; i++) nanos *= 10;
        return digits > 0;
    }

    static bool Digits(ReadOnlySpan<char> text, ref int p, int count, out int value)
    {
        value = 0;
        if (p + count > text.Length) return false;
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiDigit(text[p + i])) return false;
            value = value * 10 + (text[p + i] - '0');
        }
        p += count;
        return true;
    }

    static bool Expect(ReadOnlySpan<char> text, ref int p, char expected)
    {
        if (p >= text.Length || text[p] != expected) return false;
        p++;
        return true;
    }
}
