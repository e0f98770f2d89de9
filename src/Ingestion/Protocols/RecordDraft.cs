using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;
using LogLevel = Contracts.Logs.LogLevel;

namespace Ingestion.Protocols;

/// <summary>
/// The fields of one record while a parser reads it, in whatever order the sender wrote them. A parser keeps one draft,
/// <see cref="Reset"/>s it per record, and notes the first <see cref="Problem"/> instead of throwing so it can read on
/// to the end of a bad record and carry on with the next.
/// </summary>
sealed class RecordDraft : IFieldSink
{
    readonly AttributeMapBuilder _attributes = new();

    public long? Timestamp;
    public LogLevel? Level;
    public string? Service;
    public string? Host;
    public string? Message;
    public string? TraceId;
    public string? SpanId;
    public string? EventId;
    public string? Problem;

    public void Reset()
    {
        _attributes.Clear();
        Timestamp = null;
        Level = null;
        Service = Host = Message = TraceId = SpanId = EventId = Problem = null;
    }

    public void Fail(string problem) => Problem ??= problem;

    public void Attribute(string key, string value) => _attributes.Set(key, value);

    void IFieldSink.Field(string key, string value, JsonTokenType kind) => Attribute(key, value);

    /// <summary>Sets the level when the spelling is known; otherwise keeps it as an attribute under the sender's own key
    /// so nothing is lost, and the record stays at the default level.</summary>
    public void LevelFrom(string key, string text)
    {
        if (LogLevels.TryNormalize(text, out var level)) Level = level;
        else Attribute(key, text);
    }

    /// <summary>Trace and span ids are hex; lower case makes the same id from two sources compare equal.</summary>
    public static string? Id(string? text) => string.IsNullOrEmpty(text) ? null : text.ToLowerInvariant();

    public LogRecord Build(IngestContext context, LogSource source, long? observedNanos = null)
    {
        var observed = observedNanos ?? context.ReceivedNanos;
        return new LogRecord
        {
            Tenant = context.Tenant,
            TimestampNanos = Timestamp ?? observed,
            ObservedNanos = observed,
            Level = Level ?? LogLevel.Info,
            Service = Service,
            Host = Host,
            Message = Message ?? "",
            TraceId = Id(TraceId),
            SpanId = Id(SpanId),
            EventId = EventId,
            Attributes = _attributes.ToMap(),
            Source = source,
        };
    }
}
