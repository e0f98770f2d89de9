using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Pipelines;

/// <summary>
/// The editable copy of one record while its stages run. One per thread, reloaded for each record, so stages edit
/// fields in place and the immutable <see cref="LogRecord"/> is built once at the end.
/// </summary>
sealed class RecordDraft
{
    [ThreadStatic] static RecordDraft? t_current;

    readonly AttributeMapBuilder _mapBuilder = new();
    readonly List<string> _truncated = [];

    public static RecordDraft ForCurrentThread() => t_current ??= new RecordDraft();

    public LogRecord Source { get; private set; } = null!;
    public LogLevel Level { get; set; }
    public long TimestampNanos { get; set; }
    public string Message { get; set; } = "";
    public string? Service { get; set; }
    public string? Host { get; set; }
    public string? TraceId { get; set; }
    public string? SpanId { get; set; }
    public AttributeList Attributes { get; } = new();

    /// <summary>Values replaced by redact stages so far.</summary>
    public int Redactions { get; set; }

    /// <summary>Parse stages collect here first and apply only when the whole value parsed, so a failure changes nothing.</summary>
    public List<KeyValuePair<string, string>> Parsed { get; } = [];

    public bool WasTruncated => _truncated.Count > 0;

    public void Load(LogRecord record)
    {
        Source = record;
        Level = record.Level;
        TimestampNanos = record.TimestampNanos;
        Message = record.Message;
        Service = record.Service;
        Host = record.Host;
        TraceId = record.TraceId;
        SpanId = record.SpanId;
        Attributes.Load(record.Attributes);
        Redactions = 0;
        Parsed.Clear();
        _truncated.Clear();
    }

    /// <summary>Cuts the message and attribute values to their limits, noting each one cut.</summary>
    public void Truncate(PipelineOptions options)
    {
        if (TextLimit.Cut(Message, options.MaxMessageBytes) is { } message)
        {
            Message = message;
            _truncated.Add("message");
        }
        for (var i = 0; i < Attributes.Count; i++)
        {
            if (TextLimit.Cut(Attributes.ValueAt(i), options.MaxAttributeValueBytes) is not { } value) continue;
            Attributes.SetValueAt(i, value);
            _truncated.Add("attributes." + Attributes.KeyAt(i));
        }
        if (_truncated.Count > 0) Attributes.Set(CompiledPipeline.TruncatedAttribute, string.Join(',', _truncated));
    }

    public LogRecord Build(string versionText)
    {
        // Written last, so neither a stage nor the sender can claim another version.
        Attributes.Set(CompiledPipeline.VersionAttribute, versionText);
        return Source with
        {
            Level = Level, TimestampNanos = TimestampNanos, Message = Message, Service = Service, Host = Host,
            TraceId = TraceId, SpanId = SpanId, Attributes = Attributes.ToMap(_mapBuilder),
        };
    }
}
