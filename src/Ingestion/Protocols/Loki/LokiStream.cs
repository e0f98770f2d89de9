using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Ingestion.Protocols.Loki;

/// <summary>
/// One Loki stream turned into what its entries share. All labels are kept as attributes (the stream's identity, which
/// a Loki-compatible query matches exactly); the level, service and host are also read from the first label present of
/// <c>level</c>/<c>detected_level</c>/<c>severity</c>, <c>service_name</c>/<c>service</c>/<c>app</c>/<c>job</c> and
/// <c>host</c>/<c>instance</c>/<c>hostname</c>.
/// </summary>
sealed class LokiStream
{
    static readonly string[] LevelLabels = ["level", "detected_level", "severity"];
    static readonly string[] ServiceLabels = ["service_name", "service", "app", "job"];
    static readonly string[] HostLabels = ["host", "instance", "hostname"];

    readonly AttributeMapBuilder _merged = new();

    public LokiStream(AttributeMap labels)
    {
        Labels = labels;
        Level = First(labels, LevelLabels) is { } level && LogLevels.TryNormalize(level, out var known) ? known : LogLevel.Info;
        Service = First(labels, ServiceLabels);
        Host = First(labels, HostLabels);
    }

    public AttributeMap Labels { get; }
    public LogLevel Level { get; }
    public string? Service { get; }
    public string? Host { get; }

    /// <summary>
    /// A record for one entry. Structured metadata joins the labels as attributes, except <c>trace_id</c> and
    /// <c>span_id</c>, which become the record's ids. Entries without metadata share the stream's attribute map.
    /// </summary>
    public LogRecord Entry(IngestContext context, long timestampNanos, string line, IReadOnlyList<KeyValuePair<string, string>>? metadata)
    {
        IReadOnlyDictionary<string, string> attributes = Labels;
        string? traceId = null, spanId = null;
        if (metadata is { Count: > 0 })
        {
            _merged.Clear();
            _merged.SetAll(Labels);
            foreach (var (name, value) in metadata)
            {
                if (name == "trace_id") traceId = RecordDraft.Id(value);
                else if (name == "span_id") spanId = RecordDraft.Id(value);
                else _merged.Set(name, value);
            }
            attributes = _merged.ToMap();
        }
        return new LogRecord
        {
            Tenant = context.Tenant,
            TimestampNanos = timestampNanos,
            ObservedNanos = context.ReceivedNanos,
            Level = Level,
            Service = Service,
            Host = Host,
            Message = line,
            TraceId = traceId,
            SpanId = spanId,
            Attributes = attributes,
            Source = LogSource.Loki,
        };
    }

    static string? First(AttributeMap labels, string[] names)
    {
        foreach (var name in names)
            if (labels.TryGetValue(name, out var value) && value.Length > 0) return value;
        return null;
    }
}
