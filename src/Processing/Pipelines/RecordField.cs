using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Pipelines;

enum FieldKind : byte
{
    Attribute,
    Message,
    Service,
    Host,
    Level,
    Timestamp,
    TraceId,
    SpanId,
}

/// <summary>
/// A field a stage names, resolved once when the pipeline is compiled: one of the well-known record fields
/// (message, service, host, level, timestamp, traceId, spanId — case-sensitive, as the record's JSON spells them) or,
/// for any other name, the attribute of that name.
/// </summary>
/// <remarks>
/// Every stage writes through <see cref="Set(RecordDraft, string)"/>, so the rules are the same whether a value comes
/// from a parse, a set or a rename: a level is normalised with <see cref="LogLevels"/> and a timestamp read as RFC 3339
/// or epoch; text that is neither is kept as an attribute of that name (the record's own level or time stays), so no
/// value is lost. An empty service, host, traceId or spanId clears the field (the record uses null, never "").
/// </remarks>
readonly record struct RecordField(FieldKind Kind, string Name)
{
    static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];

    public static RecordField For(string name) => new(name switch
    {
        "message" => FieldKind.Message,
        "service" => FieldKind.Service,
        "host" => FieldKind.Host,
        "level" => FieldKind.Level,
        "timestamp" => FieldKind.Timestamp,
        "traceId" => FieldKind.TraceId,
        "spanId" => FieldKind.SpanId,
        _ => FieldKind.Attribute,
    }, name);

    public static string NameOf(LogLevel level) => LevelNames[(int)level];

    public bool IsLevel => Kind == FieldKind.Level;

    public string? Get(RecordDraft draft) => Kind switch
    {
        FieldKind.Message => draft.Message,
        FieldKind.Service => draft.Service,
        FieldKind.Host => draft.Host,
        FieldKind.Level => NameOf(draft.Level),
        FieldKind.Timestamp => TimestampText.Format(draft.TimestampNanos),
        FieldKind.TraceId => draft.TraceId,
        FieldKind.SpanId => draft.SpanId,
        _ => draft.Attributes.Get(Name),
    };

    public void Set(RecordDraft draft, string value)
    {
        switch (Kind)
        {
            case FieldKind.Level or FieldKind.Timestamp:
                if (!TrySetParsed(draft, value)) draft.Attributes.Set(Name, value);
                break;
            case FieldKind.Message:
                draft.Message = value;
                break;
            case FieldKind.Service:
                draft.Service = NullIfEmpty(value);
                break;
            case FieldKind.Host:
                draft.Host = NullIfEmpty(value);
                break;
            case FieldKind.TraceId:
                draft.TraceId = NullIfEmpty(value);
                break;
            case FieldKind.SpanId:
                draft.SpanId = NullIfEmpty(value);
                break;
            default:
                draft.Attributes.Set(Name, value);
                break;
        }
    }

    /// <summary>Like <see cref="Set(RecordDraft, string)"/>, but a level or timestamp is read without making a string of it.</summary>
    public void Set(RecordDraft draft, ReadOnlySpan<char> value)
    {
        if (Kind is FieldKind.Level or FieldKind.Timestamp && TrySetParsed(draft, value)) return;
        Set(draft, value.ToString());
    }

    /// <summary>Removes the field: optional fields become null, the message empty, the level Info; the timestamp stays, as every record has one.</summary>
    public void Remove(RecordDraft draft)
    {
        switch (Kind)
        {
            case FieldKind.Message: draft.Message = ""; break;
            case FieldKind.Service: draft.Service = null; break;
            case FieldKind.Host: draft.Host = null; break;
            case FieldKind.Level: draft.Level = LogLevel.Info; break;
            case FieldKind.TraceId: draft.TraceId = null; break;
            case FieldKind.SpanId: draft.SpanId = null; break;
            case FieldKind.Attribute: draft.Attributes.Remove(Name, out _); break;
        }
    }

    bool TrySetParsed(RecordDraft draft, ReadOnlySpan<char> value)
    {
        if (Kind == FieldKind.Level)
        {
            if (!LogLevels.TryNormalize(value, out var level)) return false;
            draft.Level = level;
            return true;
        }
        if (!TimestampText.TryParse(value, out var nanos)) return false;
        draft.TimestampNanos = nanos;
        return true;
    }

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
