using System.Globalization;
using Contracts.Logs;
using Query.Language;

namespace Query.Tail;

/// <summary>
/// A field of a log record as a tail filter reads it, named as in search (<see cref="FieldAccess"/>): the columns
/// case-insensitively, any other name as one attribute key (dotted keys are single keys). Null means the line does
/// not have the field.
/// </summary>
public sealed class LineField
{
    public static readonly string[] LevelNames = [.. Enum.GetNames<Contracts.Logs.LogLevel>().Select(n => n.ToLowerInvariant())];
    static readonly string[] SourceNames = [.. Enum.GetNames<LogSource>().Select(n => n.ToLowerInvariant())];

    static readonly Dictionary<string, Func<LogRecord, string?>> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["level"] = r => LevelNames[(int)r.Level],
        ["service"] = r => r.Service,
        ["host"] = r => r.Host,
        ["message"] = r => r.Message,
        ["trace_id"] = r => r.TraceId, ["traceId"] = r => r.TraceId,
        ["span_id"] = r => r.SpanId, ["spanId"] = r => r.SpanId,
        ["source"] = r => SourceNames[(int)r.Source],
        ["event_id"] = r => r.EventId,
    };

    readonly Func<LogRecord, string?> read;

    LineField(Func<LogRecord, string?> read, bool isLevel, bool isTimestamp)
    {
        this.read = read;
        IsLevel = isLevel;
        IsTimestamp = isTimestamp;
    }

    public bool IsLevel { get; }

    /// <summary>Compared as nanoseconds; as text (only CONTAINS, regexes and IN do that) it reads as those
    /// nanoseconds, as the head's BIGINT column does in SQL.</summary>
    public bool IsTimestamp { get; }

    public static LineField Of(FieldRef field)
    {
        if (field.Name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) || field.Name == "@t")
            return new(r => r.TimestampNanos.ToString(CultureInfo.InvariantCulture), false, true);
        if (Columns.TryGetValue(field.Name, out var column))
            return new(column, field.Name.Equals("level", StringComparison.OrdinalIgnoreCase), false);
        var key = field.Name;
        return new(r => r.Attributes.TryGetValue(key, out var value) ? value : null, false, false);
    }

    public string? Read(LogRecord record) => read(record);

    public bool IsPresent(LogRecord record) => IsTimestamp || read(record) is not null;
}
