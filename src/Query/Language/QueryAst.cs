namespace Query.Language;

/// <summary>
/// A parsed query: a filter over log lines, then pipe stages in order
/// (<c>level=error AND message CONTAINS "timeout" | count by service</c>). Every node keeps the zero-based position
/// of its first character in the query text, for error messages.
/// </summary>
public sealed record QueryAst(Expr Filter, IReadOnlyList<Stage> Stages);

/// <summary>A field: one of the columns (level, service, host, message, trace_id, span_id, source, event_id,
/// timestamp) or any other name, which is an attribute. A field a line does not have is absent (NULL), never an error.</summary>
public sealed record FieldRef(string Name, int Position);

/// <summary>A value as written: <see cref="Quoted"/> values are always text; unquoted ones that read as numbers
/// compare as numbers where the operator is an ordering (&gt; &gt;= &lt; &lt;=).</summary>
public sealed record Literal(string Text, bool Quoted, int Position);

public abstract record Expr(int Position);

/// <summary>No filter: every line.</summary>
public sealed record MatchAll() : Expr(0);

public sealed record And(Expr Left, Expr Right, int Position) : Expr(Position);
public sealed record Or(Expr Left, Expr Right, int Position) : Expr(Position);
public sealed record Not(Expr Inner, int Position) : Expr(Position);

public enum CompareOp { Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual }

/// <summary><c>field = value</c>, <c>!=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>.</summary>
public sealed record Compare(FieldRef Field, CompareOp Op, Literal Value, int Position) : Expr(Position);

/// <summary><c>field CONTAINS "text"</c>: a case-insensitive substring of the field.</summary>
public sealed record Contains(FieldRef Field, Literal Value, int Position) : Expr(Position);

/// <summary>A bare term or a "quoted phrase": whole words of the message, ASCII case-insensitive.</summary>
public sealed record TextMatch(string Text, int Position) : Expr(Position);

/// <summary><c>field =~ "regex"</c> (RE2 syntax) or, with <see cref="Negated"/>, <c>field !~ "regex"</c>.</summary>
public sealed record RegexMatch(FieldRef Field, Literal Pattern, bool Negated, int Position) : Expr(Position);

/// <summary><c>field IN ("a", "b", 3)</c>.</summary>
public sealed record In(FieldRef Field, IReadOnlyList<Literal> Values, int Position) : Expr(Position);

/// <summary><c>EXISTS field</c>: the line has the field (not NULL).</summary>
public sealed record Exists(FieldRef Field, int Position) : Expr(Position);

public abstract record Stage(int Position);

/// <summary><c>| count</c> or <c>| count by f1, f2</c>.</summary>
public sealed record CountStage(IReadOnlyList<FieldRef> By, int Position) : Stage(Position);

/// <summary><c>| histogram 1m</c> or <c>| histogram 5m by level</c>: counts per aligned time bucket.</summary>
public sealed record HistogramStage(TimeSpan Interval, FieldRef? By, int Position) : Stage(Position);

/// <summary><c>| top 10 host</c>: the N most frequent values of a field with their counts.</summary>
public sealed record TopStage(int Count, FieldRef Field, int Position) : Stage(Position);

/// <summary><c>| fields a, b</c>: only these fields in each result line.</summary>
public sealed record FieldsStage(IReadOnlyList<FieldRef> Fields, int Position) : Stage(Position);

/// <summary><c>| sort f</c>, <c>| sort f asc</c>, <c>| sort f desc</c> (descending unless asc).</summary>
public sealed record SortStage(FieldRef Field, bool Descending, int Position) : Stage(Position);

/// <summary><c>| limit N</c>.</summary>
public sealed record LimitStage(int Count, int Position) : Stage(Position);

public enum StatsFunction { Avg, Min, Max, Sum, P50, P95, P99 }

/// <summary><c>| stats p95(duration_ms) by service</c>: over numeric values of an attribute (non-numbers are skipped).</summary>
public sealed record StatsStage(StatsFunction Function, FieldRef Field, IReadOnlyList<FieldRef> By, int Position) : Stage(Position);

/// <summary>A query that cannot be read: <see cref="Position"/> is zero-based; the message names the one-based column
/// and, where a keyword was probably meant, suggests it ("unexpected token 'AN' at column 12; did you mean AND?").</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
