namespace Processing.Pipelines;

/// <summary>
/// Payment card numbers in a run of digit groups: 13 to 19 digits that pass the Luhn check and do not start with 0
/// (no issuer number does; zero-padded ids and addresses such as "0000000000000000" do), written either as one
/// group or as a first group of four followed by groups of three to six (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, 4-3-3-3, …)
/// joined by a single space or a single dash, the same throughout. The grouping rule keeps timestamps and id lists
/// ("081109 203615 148") from being read as one long number. A candidate must stand apart from words — not touching a
/// letter, digit or '_' (nor "_-", a negative id: "blk_-6952295868487656571" stays); any run of groups inside a longer
/// one can be a card, so "amount 100 card 4111 1111 1111 1111" loses only the card.
/// </summary>
/// <remarks>
/// Luhn passes one random digit string in ten, so a free-standing 13–19 digit id is redacted one time in ten: the
/// price of never letting a real number through.
/// </remarks>
static class CardNumbers
{
    const int MinDigits = 13, MaxDigits = 19;
    const int MaxGroups = 32;

    /// <summary>
    /// Whether the run whose first group is text[start..groupEnd] can hold a card at all: most digit runs in logs (times,
    /// ports, pids) are one short group, and this spares them the full reading.
    /// </summary>
    public static bool MayStartAt(ReadOnlySpan<char> text, int start, int groupEnd, int limit) =>
        groupEnd - start >= MinDigits || (groupEnd + 1 < limit && text[groupEnd] is ' ' or '-' && char.IsAsciiDigit(text[groupEnd + 1]));

    /// <summary>Redacts the card numbers of the run starting at <paramref name="start"/> (a digit not preceded by one); returns where the run ends.</summary>
    public static int Redact(ReadOnlySpan<char> text, int start, int limit, string replacement, ref RedactedText output, ref int count)
    {
        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        var groups = ReadGroups(text, start, limit, starts, ends);
        var run = new Run(starts[..groups], ends[..groups]);
        var end = run.Ends[groups - 1];
        var freeBefore = !GluedBefore(text, start);
        var freeAfter = end == text.Length || !IsWord(text[end]);

        for (var i = freeBefore ? 0 : 1; i < groups;)
        {
            var last = Longest(text, run, i, freeAfter);
            if (last < 0)
            {
                i++;
                continue;
            }
            output.Replace(run.Starts[i], run.Ends[last], replacement);
            count++;
            i = last + 1;
        }
        return end;
    }

    /// <summary>The digit groups of a run; the text between two groups is their separator.</summary>
    readonly ref struct Run(Span<int> starts, Span<int> ends)
    {
        public readonly Span<int> Starts = starts;
        public readonly Span<int> Ends = ends;
        public int Count => Starts.Length;
        public int Length(int group) => Ends[group] - Starts[group];
        public char SeparatorAfter(ReadOnlySpan<char> text, int group) => text[Ends[group]];
    }

    /// <summary>The last group of the longest card number starting with group <paramref name="first"/>, or -1.</summary>
    static int Longest(ReadOnlySpan<char> text, Run run, int first, bool freeAfter)
    {
        var length = run.Length(first);
        if (length == 4 && first + 1 < run.Count)
        {
            var separator = run.SeparatorAfter(text, first);
            var last = first;
            var digits = 4;
            while (last + 1 < run.Count && run.Length(last + 1) is >= 3 and <= 6 && digits + run.Length(last + 1) <= MaxDigits
                   && run.SeparatorAfter(text, last) == separator)
            {
                last++;
                digits += run.Length(last);
            }
            for (; last > first; last--)
            {
                if (digits >= MinDigits && (last < run.Count - 1 || freeAfter) && Luhn(text[run.Starts[first]..run.Ends[last]])) return last;
                digits -= run.Length(last);
            }
        }
        return length is >= MinDigits and <= MaxDigits && (first < run.Count - 1 || freeAfter) && Luhn(text[run.Starts[first]..run.Ends[first]])
            ? first : -1;
    }

    /// <summary>
    /// The run's digit groups, joined by single spaces or dashes (mixed: a window checks its own are alike). A group that
    /// starts a dotted run (an address after a card) is left for the next read.
    /// </summary>
    static int ReadGroups(ReadOnlySpan<char> text, int start, int limit, Span<int> starts, Span<int> ends)
    {
        var groups = 0;
        var p = start;
        while (true)
        {
            var groupStart = p;
            while (p < limit && char.IsAsciiDigit(text[p])) p++;
            if (groups > 0 && Ipv4Addresses.DottedAfter(text, p, limit)) break;
            starts[groups] = groupStart;
            ends[groups] = p;
            groups++;
            if (groups == MaxGroups || p + 1 >= limit || text[p] is not (' ' or '-') || !char.IsAsciiDigit(text[p + 1])) break;
            p++;
        }
        return groups;
    }

    /// <summary>The Luhn check, for a number that could be one (see the class comment on a leading 0).</summary>
    static bool Luhn(ReadOnlySpan<char> number)
    {
        if (number[0] == '0') return false;
        var sum = 0;
        var doubled = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(number[i])) continue;
            var digit = number[i] - '0';
            if (doubled && (digit *= 2) > 9) digit -= 9;
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    static bool GluedBefore(ReadOnlySpan<char> text, int start) =>
        start > 0 && (IsWord(text[start - 1]) || (text[start - 1] == '-' && start > 1 && text[start - 2] == '_'));

    static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c >= 0x80 && char.IsLetterOrDigit(c));
}
