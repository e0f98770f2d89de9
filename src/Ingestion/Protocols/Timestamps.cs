using System.Numerics;

namespace Ingestion.Protocols;

/// <summary>How to read a timestamp written as a bare number.</summary>
public enum EpochUnit
{
    /// <summary>Guess from the magnitude: below 10^11 seconds, below 10^14 milliseconds, below 10^17 microseconds, else
    /// nanoseconds. Unambiguous for any date between 1973 and 5138.</summary>
    Auto,
    Seconds,
    Milliseconds,
    Microseconds,
    Nanoseconds,
}

/// <summary>
/// Timestamp parsing for intake, straight from request bytes (or chars): RFC 3339 with up to nanosecond precision, and
/// Unix epoch numbers. Everything is returned as Unix nanoseconds.
/// </summary>
public static class Timestamps
{
    const long NanosPerSecond = 1_000_000_000;
    // Unix nanoseconds fit a long from 1677-09-21 to 2262-04-11; stay inside whole years of that range.
    const int MinYear = 1678, MaxYear = 2261;

    /// <summary>
    /// RFC 3339 (<c>2024-05-01T12:30:00.123456789+02:00</c>), leniently: <c>t</c> or a space as the separator, <c>z</c>,
    /// an offset without a colon, seconds or the whole time omitted, no offset at all (read as UTC, as Elasticsearch does).
    /// </summary>
    public static bool TryParseRfc3339<TChar>(ReadOnlySpan<TChar> text, out long unixNanos) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        unixNanos = 0;
        var p = 0;
        if (!Digits(text, ref p, 4, out var year) || !Expect(text, ref p, '-') || !Digits(text, ref p, 2, out var month)
            || !Expect(text, ref p, '-') || !Digits(text, ref p, 2, out var day))
            return false;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        if (p < text.Length && At(text, p) is 'T' or 't' or ' ')
        {
            p++;
            if (!Digits(text, ref p, 2, out hour) || !Expect(text, ref p, ':') || !Digits(text, ref p, 2, out minute)) return false;
            if (p < text.Length && At(text, p) == ':')
            {
                p++;
                if (!Digits(text, ref p, 2, out second)) return false;
                if (p < text.Length && At(text, p) is '.' or ',' && !Fraction(text, ref p, out fraction)) return false;
            }
            if (hour > 23 || minute > 59 || second > 60) return false;
            second = Math.Min(second, 59); // a leap second is folded into the second before it
        }

        var offsetMinutes = 0;
        if (p < text.Length)
        {
            var sign = At(text, p);
            p++;
            if (sign is 'Z' or 'z')
            {
                // nothing more to read
            }
            else if (sign is '+' or '-')
            {
                if (!Digits(text, ref p, 2, out var offsetHours)) return false;
                if (p < text.Length && At(text, p) == ':') p++;
                if (!Digits(text, ref p, 2, out var offsetMins) || offsetHours > 23 || offsetMins > 59) return false;
                offsetMinutes = (offsetHours * 60 + offsetMins) * (sign == '-' ? -1 : 1);
            }
            else return false;
            if (p != text.Length) return false;
        }

        var days = DaysFromCivil(year, month, day);
        var seconds = days * 86_400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        unixNanos = seconds * NanosPerSecond + fraction;
        return true;
    }

    /// <summary>A Unix epoch number such as <c>1714566600</c>, <c>1714566600.25</c> or <c>1714566600123</c>.</summary>
    public static bool TryParseEpoch<TChar>(ReadOnlySpan<TChar> text, EpochUnit unit, out long unixNanos) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        unixNanos = 0;
        var p = 0;
        long whole = 0;
        while (p < text.Length && IsDigit(At(text, p)))
        {
            if (whole > (long.MaxValue - 9) / 10) return false;
            whole = whole * 10 + (At(text, p) - '0');
            p++;
        }
        if (p == 0) return false;
        long fraction = 0;
        var fractionDigits = 0;
        if (p < text.Length && At(text, p) == '.')
        {
            p++;
            while (p < text.Length && IsDigit(At(text, p)))
            {
                if (fractionDigits < 9)
                {
                    fraction = fraction * 10 + (At(text, p) - '0');
                    fractionDigits++;
                }
                p++;
            }
        }
        if (p != text.Length) return false;
        for (var i = fractionDigits; i < 9; i++) fraction *= 10; // now in billionths of the unit

        if (unit == EpochUnit.Auto)
            unit = whole < 100_000_000_000L ? EpochUnit.Seconds : whole < 100_000_000_000_000L ? EpochUnit.Milliseconds
                : whole < 100_000_000_000_000_000L ? EpochUnit.Microseconds : EpochUnit.Nanoseconds;
        var (nanosPerUnit, limit) = unit switch
        {
            EpochUnit.Seconds => (NanosPerSecond, long.MaxValue / NanosPerSecond),
            EpochUnit.Milliseconds => (1_000_000L, long.MaxValue / 1_000_000L),
            EpochUnit.Microseconds => (1_000L, long.MaxValue / 1_000L),
            _ => (1L, long.MaxValue),
        };
        if (whole >= limit) return false;
        unixNanos = whole * nanosPerUnit + fraction * nanosPerUnit / NanosPerSecond;
        return true;
    }

    /// <summary>RFC 3339 text or, failing that, an epoch number.</summary>
    public static bool TryParse<TChar>(ReadOnlySpan<TChar> text, EpochUnit unit, out long unixNanos) where TChar : unmanaged, IBinaryInteger<TChar> =>
        TryParseRfc3339(text, out unixNanos) || TryParseEpoch(text, unit, out unixNanos);

    static long DaysFromCivil(int year, int month, int day)
    {
        // Howard Hinnant's days_from_civil: proleptic Gregorian date → days since 1970-01-01.
        var y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - era * 400;
        var doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    static bool Fraction<TChar>(ReadOnlySpan<TChar> text, ref int p, out long nanos) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        p++; // the separator
        nanos = 0;
        var digits = 0;
        while (p < text.Length && IsDigit(At(text, p)))
        {
            if (digits < 9) nanos = nanos * 10 + (At(text, p) - '0');
            digits++;
            p++;
        }
        for (var i = digits; i < 9; i++) nanos *= 10;
        return digits > 0;
    }

    static bool Digits<TChar>(ReadOnlySpan<TChar> text, ref int p, int count, out int value) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        if (p + count > text.Length) return false;
        for (var i = 0; i < count; i++)
        {
            var c = At(text, p + i);
            if (!IsDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        p += count;
        return true;
    }

    static bool Expect<TChar>(ReadOnlySpan<TChar> text, ref int p, char expected) where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (p >= text.Length || At(text, p) != expected) return false;
        p++;
        return true;
    }

    static char At<TChar>(ReadOnlySpan<TChar> text, int index) where TChar : unmanaged, IBinaryInteger<TChar> =>
        (char)ushort.CreateTruncating(text[index]);

    static bool IsDigit(char c) => c is >= '0' and <= '9';
}
