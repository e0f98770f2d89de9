using System.Globalization;
using Contracts.Logs;
using Query.Search;
using Query.Segments;
using LogLevel = Contracts.Logs.LogLevel;

namespace Query.Language;

/// <summary>
/// Compiles a filter to DuckDB SQL with every user value as a parameter. Each comparison is wrapped so a missing
/// field makes it false rather than NULL, which keeps NOT two-valued: <c>NOT service=api</c> holds for lines
/// without a service.
/// </summary>
public static class FilterCompiler
{
    public static CompiledFilter Compile(Expr expr, SqlParameters parameters) => expr switch
    {
        MatchAll => new("true", "true", CompiledFilter.AnyBlock),
        And a => Combine(Compile(a.Left, parameters), Compile(a.Right, parameters), "AND", (l, r) => b => l(b) && r(b)),
        Or o => Combine(Compile(o.Left, parameters), Compile(o.Right, parameters), "OR", (l, r) => b => l(b) || r(b)),
        Not n => Compile(n.Inner, parameters) is var inner
            ? new($"(NOT {inner.Head})", $"(NOT {inner.Segment})", CompiledFilter.AnyBlock)
            : throw new InvalidOperationException(),
        TextMatch t => Text(t, parameters),
        Compare c => Comparison(c, parameters),
        Contains c => Substring(c, parameters),
        RegexMatch r => Regex(r, parameters),
        In i => Membership(i, parameters),
        Exists e => FieldAccess.Of(e.Field, parameters) is var f
            ? new($"({f.Head} IS NOT NULL)", $"({f.Segment} IS NOT NULL)", CompiledFilter.AnyBlock)
            : throw new InvalidOperationException(),
        _ => throw new QuerySyntaxException($"'{expr.GetType().Name}' cannot be used as a filter", expr.Position),
    };

    static CompiledFilter Combine(CompiledFilter left, CompiledFilter right, string op,
        Func<Func<BlockSummary, bool>, Func<BlockSummary, bool>, Func<BlockSummary, bool>> blocks) =>
        new($"({left.Head} {op} {right.Head})", $"({left.Segment} {op} {right.Segment})", blocks(left.BlockMayMatch, right.BlockMayMatch));

    static CompiledFilter Leaf(FieldAccess field, Func<string, string> condition, Func<BlockSummary, bool> blocks) =>
        new($"COALESCE({condition(field.Head)}, false)", $"COALESCE({condition(field.Segment)}, false)", blocks);

    static CompiledFilter Text(TextMatch text, SqlParameters parameters)
    {
        var pattern = parameters.Add(TextPattern.For(text.Text));
        var tokens = Tokens.HashesOf(text.Text);
        return new($"regexp_matches(message, {pattern})", $"regexp_matches(message, {pattern})", b => b.Bloom.MightContainAll(tokens));
    }

    static CompiledFilter Comparison(Compare compare, SqlParameters parameters)
    {
        var field = FieldAccess.Of(compare.Field, parameters);
        var op = compare.Op switch
        {
            CompareOp.Equal => "=", CompareOp.NotEqual => "<>", CompareOp.Greater => ">",
            CompareOp.GreaterOrEqual => ">=", CompareOp.Less => "<", _ => "<=",
        };
        if (field.IsTimestamp)
        {
            var time = parameters.Add(TimestampNanos(compare.Value));
            return Leaf(field, f => $"{f} {op} {time}", CompiledFilter.AnyBlock);
        }
        if (field.IsLevel)
        {
            if (LevelOf(compare.Value) is not { } level) return Nothing(compare.Op == CompareOp.NotEqual);
            if (compare.Op is CompareOp.Equal or CompareOp.NotEqual)
            {
                var name = parameters.Add(level.ToString().ToLowerInvariant());
                return Leaf(field, f => $"{f} {op} {name}",
                    compare.Op == CompareOp.Equal ? b => b.MayContainLevel((int)level) : CompiledFilter.AnyBlock);
            }
            // Levels order by severity, not alphabetically: level >= warn is warn, error and fatal.
            return Leaf(field, f => $"list_position(['trace','debug','info','warn','error','fatal'], {f}) - 1 {op} {(int)level}", CompiledFilter.AnyBlock);
        }
        var ordering = compare.Op is not (CompareOp.Equal or CompareOp.NotEqual);
        if (ordering && !compare.Value.Quoted && double.TryParse(compare.Value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var bound = parameters.Add(number);
            return Leaf(field, f => $"TRY_CAST({f} AS DOUBLE) {op} {bound}", CompiledFilter.AnyBlock);
        }
        var blocks = compare.Op == CompareOp.Equal && field.Tokenized ? MayHoldTokensOf(compare.Value.Text) : CompiledFilter.AnyBlock;
        var value = parameters.Add(compare.Value.Text);
        return Leaf(field, f => $"{f} {op} {value}", blocks);
    }

    static CompiledFilter Substring(Contains contains, SqlParameters parameters)
    {
        var field = FieldAccess.Of(contains.Field, parameters);
        var value = contains.Value.Text;
        var blocks = field.Tokenized ? MayHoldTokensOf(InnerWords(value)) : CompiledFilter.AnyBlock;
        var lowered = parameters.Add(value.ToLowerInvariant());
        return Leaf(field, f => $"contains(lower({f}), {lowered})", blocks);
    }

    static CompiledFilter Regex(RegexMatch regex, SqlParameters parameters)
    {
        var field = FieldAccess.Of(regex.Field, parameters);
        var pattern = parameters.Add(regex.Pattern.Text);
        return Leaf(field, f => regex.Negated ? $"NOT regexp_matches({f}, {pattern})" : $"regexp_matches({f}, {pattern})", CompiledFilter.AnyBlock);
    }

    static CompiledFilter Membership(In membership, SqlParameters parameters)
    {
        var field = FieldAccess.Of(membership.Field, parameters);
        if (field.IsLevel)
        {
            var levels = membership.Values.Select(LevelOf).OfType<LogLevel>().Select(l => (int)l).Distinct().ToList();
            if (levels.Count == 0) return Nothing(false);
            return Leaf(field, f => $"list_position(['trace','debug','info','warn','error','fatal'], {f}) - 1 IN ({string.Join(", ", levels)})",
                b => levels.Any(b.MayContainLevel));
        }
        var values = membership.Values.Select(v => parameters.Add(v.Text)).ToList();
        var tests = membership.Values.Select(v => MayHoldTokensOf(v.Text)).ToList();
        return Leaf(field, f => $"{f} IN ({string.Join(", ", values)})", field.Tokenized ? b => tests.Any(t => t(b)) : CompiledFilter.AnyBlock);
    }

    static CompiledFilter Nothing(bool instead) => instead
        ? new("true", "true", CompiledFilter.AnyBlock)
        : new("false", "false", _ => false);

    static Func<BlockSummary, bool> MayHoldTokensOf(string text)
    {
        var tokens = Tokens.HashesOf(text);
        return b => b.Bloom.MightContainAll(tokens);
    }

    /// <summary>The words of a substring that are whole words wherever it occurs: all but a first and last word that
    /// touch its ends (those may be parts of longer words).</summary>
    static string InnerWords(string text)
    {
        static bool Word(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_';
        var start = 0;
        var end = text.Length;
        if (end > 0 && Word(text[0])) while (start < end && Word(text[start])) start++;
        if (end > start && Word(text[^1])) while (end > start && Word(text[end - 1])) end--;
        return text[start..end];
    }

    static LogLevel? LevelOf(Literal literal) => LogLevels.TryNormalize(literal.Text.AsSpan(), out var level) ? level : null;

    static long TimestampNanos(Literal literal) =>
        DateTimeOffset.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100
            : throw new QuerySyntaxException($"'{literal.Text}' at column {literal.Position + 1} is not a time (use ISO 8601, e.g. 2026-11-21T10:00:00Z)", literal.Position);
}
