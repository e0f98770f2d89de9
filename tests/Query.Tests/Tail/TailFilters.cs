using System.Text.RegularExpressions;
using Contracts.Logs;
using Query.Language;
using Query.Tail;

namespace Query.Tests.Tail;

/// <summary>Filters built by hand as syntax trees (no parser involved) and records to run them on.</summary>
static class TailFilters
{
    public const long Noon = 1_767_268_800_000_000_000; // 2026-01-01T12:00:00Z

    public static Compare Is(string field, CompareOp op, string value, bool quoted = false) =>
        new(new FieldRef(field, 0), op, new Literal(value, quoted, 0), 0);

    public static Compare Eq(string field, string value) => Is(field, CompareOp.Equal, value);
    public static Compare Ne(string field, string value) => Is(field, CompareOp.NotEqual, value);
    public static Contains Has(string field, string text) => new(new FieldRef(field, 0), new Literal(text, true, 0), 0);
    public static TextMatch Word(string text) => new(text, 0);
    public static RegexMatch Like(string field, string pattern) => new(new FieldRef(field, 0), new Literal(pattern, true, 0), false, 0);
    public static RegexMatch Unlike(string field, string pattern) => new(new FieldRef(field, 0), new Literal(pattern, true, 0), true, 0);
    public static In OneOf(string field, params string[] values) => new(new FieldRef(field, 0), [.. values.Select(v => new Literal(v, false, 0))], 0);
    public static Exists Present(string field) => new(new FieldRef(field, 0), 0);
    public static Not Not(Expr inner) => new(inner, 0);
    public static And Both(Expr left, Expr right) => new(left, right, 0);
    public static Or Either(Expr left, Expr right) => new(left, right, 0);

    /// <summary>Without the tail's 50 ms per regex match: a busy test machine can pause a thread for longer than that,
    /// and these tests are about what a filter means, not how fast it runs.</summary>
    public static LineMatcher Matcher(Expr filter) => LineMatcher.Compile(filter, Regex.InfiniteMatchTimeout);

    public static bool Matches(this Expr filter, LogRecord record) => Matcher(filter).Matches(record);

    public static LogRecord Line(string message = "payment failed", LogLevel level = LogLevel.Info, string? service = "checkout",
        string? host = null, string? traceId = null, string? eventId = null, LogSource source = LogSource.Native, long time = Noon,
        string tenant = "acme", params (string Key, string Value)[] attributes) => new()
    {
        Tenant = tenant,
        TimestampNanos = time,
        ObservedNanos = time,
        Level = level,
        Service = service,
        Host = host,
        Message = message,
        TraceId = traceId,
        EventId = eventId,
        Source = source,
        Attributes = attributes.Length == 0 ? LogRecord.NoAttributes : AttributeMap.From(attributes.Select(a => KeyValuePair.Create(a.Key, a.Value))),
    };
}
