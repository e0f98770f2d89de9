using System.Globalization;
using System.Text.RegularExpressions;
using Contracts.Logs;
using Query.Language;

namespace Query.Tail;

/// <summary>
/// A query filter evaluated in C# on one record, with the semantics <see cref="FilterCompiler"/> gives it in SQL: a
/// line that lacks a field fails every comparison on it (<c>!=</c> and <c>!~</c> too), and NOT inverts the result.
/// Compiled once per tail; matching allocates nothing unless a filter reads the timestamp as text.
/// </summary>
/// <remarks>A regex gets 50 ms per line, since matching runs on the indexer's thread: a line it cannot decide in
/// that time makes <see cref="Matches"/> throw <see cref="RegexMatchTimeoutException"/>, and the tail counts it as
/// missed rather than guess.</remarks>
public sealed class LineMatcher
{
    public static readonly LineMatcher Everything = new(_ => true);
    static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(50);

    readonly Func<LogRecord, bool> test;

    LineMatcher(Func<LogRecord, bool> test) => this.test = test;

    public bool Matches(LogRecord record) => test(record);

    /// <summary>Throws <see cref="QuerySyntaxException"/> for a pattern that is not a regex or a time that is not a time.</summary>
    public static LineMatcher Compile(Expr filter) => Compile(filter, RegexTimeout);

    internal static LineMatcher Compile(Expr filter, TimeSpan regexTimeout) => new(Build(filter, regexTimeout));

    static Func<LogRecord, bool> Build(Expr expr, TimeSpan regexTimeout) => expr switch
    {
        MatchAll => _ => true,
        And a => Both(Build(a.Left, regexTimeout), Build(a.Right, regexTimeout)),
        Or o => Either(Build(o.Left, regexTimeout), Build(o.Right, regexTimeout)),
        Not n => Negation(Build(n.Inner, regexTimeout)),
        TextMatch t => r => WholeWords.Occur(t.Text, r.Message),
        Compare c => Comparison(c),
        Contains c => Substring(c),
        RegexMatch m => Pattern(m, regexTimeout),
        In i => Membership(i),
        Exists e => LineField.Of(e.Field).IsPresent,
        _ => throw new QuerySyntaxException($"'{expr.GetType().Name}' cannot be used as a filter", expr.Position),
    };

    static Func<LogRecord, bool> Both(Func<LogRecord, bool> left, Func<LogRecord, bool> right) => r => left(r) && right(r);
    static Func<LogRecord, bool> Either(Func<LogRecord, bool> left, Func<LogRecord, bool> right) => r => left(r) || right(r);
    static Func<LogRecord, bool> Negation(Func<LogRecord, bool> inner) => r => !inner(r);

    static Func<LogRecord, bool> Substring(Contains contains)
    {
        var field = LineField.Of(contains.Field);
        var text = contains.Value.Text;
        return r => field.Read(r) is { } value && value.Contains(text, StringComparison.OrdinalIgnoreCase);
    }

    static Func<LogRecord, bool> Comparison(Compare compare)
    {
        var field = LineField.Of(compare.Field);
        var op = compare.Op;
        if (field.IsTimestamp)
        {
            var nanos = TimestampNanos(compare.Value);
            return r => Holds(op, r.TimestampNanos.CompareTo(nanos));
        }
        if (field.IsLevel)
        {
            // Levels compare by severity, as SQL does; a name no level has matches nothing, so only != holds.
            if (LevelOf(compare.Value) is not { } level) return _ => op == CompareOp.NotEqual;
            return r => Holds(op, ((int)r.Level).CompareTo((int)level));
        }
        var ordering = op is not (CompareOp.Equal or CompareOp.NotEqual);
        if (ordering && !compare.Value.Quoted && ParseNumber(compare.Value.Text) is { } number)
            return r => field.Read(r) is { } value && ParseNumber(value) is { } x && Holds(op, CompareNumbers(x, number));
        var text = compare.Value.Text;
        return r => field.Read(r) is { } value && Holds(op, Utf8Order.Compare(value, text));
    }

    static Func<LogRecord, bool> Pattern(RegexMatch match, TimeSpan timeout)
    {
        var field = LineField.Of(match.Field);
        Regex regex;
        try
        {
            // The non-backtracking engine runs in linear time, so a hostile pattern cannot stall the indexer thread that
            // matches; like RE2 (which search uses) it refuses backreferences and lookarounds.
            regex = new Regex(match.Pattern.Text, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, timeout);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new QuerySyntaxException($"The pattern at column {match.Pattern.Position + 1} is not a regular expression a tail can run: {e.Message}",
                match.Pattern.Position);
        }
        WarmUp(regex);
        var negated = match.Negated;
        return r => field.Read(r) is { } value && regex.IsMatch(value) != negated;
    }

    /// <summary>The first match JITs the engine and builds its automaton: done here, that stays out of the lines' time.</summary>
    static void WarmUp(Regex regex)
    {
        try
        {
            regex.IsMatch("GET /api/v1/Orders?id=42 took 130ms: OK, ünïcode_and-punctuation.");
        }
        catch (RegexMatchTimeoutException)
        {
            // Only a warm-up: the lines will tell.
        }
    }

    static Func<LogRecord, bool> Membership(In membership)
    {
        var field = LineField.Of(membership.Field);
        if (field.IsLevel)
        {
            var levels = new bool[LineField.LevelNames.Length];
            foreach (var value in membership.Values)
                if (LevelOf(value) is { } level) levels[(int)level] = true;
            return r => levels[(int)r.Level];
        }
        var texts = membership.Values.Select(v => v.Text).ToArray();
        return r => field.Read(r) is { } value && Array.IndexOf(texts, value) >= 0;
    }

    static bool Holds(CompareOp op, int order) => op switch
    {
        CompareOp.Equal => order == 0,
        CompareOp.NotEqual => order != 0,
        CompareOp.Greater => order > 0,
        CompareOp.GreaterOrEqual => order >= 0,
        CompareOp.Less => order < 0,
        _ => order <= 0,
    };

    static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>DuckDB orders NaN above every other double and equal to itself; .NET puts it below.</summary>
    static int CompareNumbers(double x, double y) => (double.IsNaN(x), double.IsNaN(y)) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => x.CompareTo(y),
    };

    static Contracts.Logs.LogLevel? LevelOf(Literal literal) => LogLevels.TryNormalize(literal.Text.AsSpan(), out var level) ? level : null;

    static long TimestampNanos(Literal literal) =>
        DateTimeOffset.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100
            : throw new QuerySyntaxException($"'{literal.Text}' at column {literal.Position + 1} is not a time (use ISO 8601, e.g. 2026-11-21T10:00:00Z)", literal.Position);
}
