using Contracts.Logs;
using Google.Protobuf;
using Ingestion.Protocols.Otlp.Proto;
using LogLevel = Contracts.Logs.LogLevel;
using OtlpLogRecord = Ingestion.Protocols.Otlp.Proto.LogRecord;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// Maps an export request onto records. Resource attributes <c>service.name</c> and <c>host.name</c> become the service
/// and host, the other resource attributes become attributes prefixed <c>resource.</c>; the scope becomes
/// <c>scope.name</c>/<c>scope.version</c> (its attributes <c>scope.&lt;key&gt;</c>); record attributes are kept as they are;
/// the body becomes the message (structured bodies as JSON); the level comes from severity_number, else severity_text;
/// the time is time_unix_nano, else observed_time_unix_nano, else arrival; a non-empty event_name is <c>event.name</c>.
/// </summary>
static class OtlpRecordMapper
{
    /// <param name="problems">Per-record problems found while decoding (OTLP/JSON only), by record object.</param>
    public static ParseResult Map(ExportLogsServiceRequest request, IngestContext context, IReadOnlyDictionary<OtlpLogRecord, string>? problems = null)
    {
        var builder = new ParseResultBuilder(context);
        var attributes = new AttributeMapBuilder();
        var index = 0;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            string? service = null, host = null;
            attributes.Clear();
            foreach (var attribute in resourceLogs.Resource?.Attributes ?? [])
            {
                if (attribute.Key == "service.name" && AnyValues.Text(attribute.Value ?? new AnyValue()) is { } s) service = s;
                else if (attribute.Key == "host.name" && AnyValues.Text(attribute.Value ?? new AnyValue()) is { } h) host = h;
                else AnyValues.Flatten("resource." + LogText.Clean(attribute.Key), attribute.Value, attributes);
            }
            var resource = attributes.ToMap();
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                attributes.Clear();
                attributes.SetAll(resource);
                if (scopeLogs.Scope is { } scope)
                {
                    if (scope.Name.Length > 0) attributes.Set("scope.name", LogText.Clean(scope.Name));
                    if (scope.Version.Length > 0) attributes.Set("scope.version", LogText.Clean(scope.Version));
                    foreach (var attribute in scope.Attributes) AnyValues.Flatten("scope." + LogText.Clean(attribute.Key), attribute.Value, attributes);
                }
                var scoped = attributes.ToMap();
                foreach (var log in scopeLogs.LogRecords)
                {
                    if (problems is not null && problems.TryGetValue(log, out var problem)) builder.Reject(index, $"log record {index}: {problem}");
                    else builder.Accept(index, ToRecord(log, context, service, host, scoped, attributes));
                    index++;
                }
            }
        }
        return builder.Build();
    }

    static Contracts.Logs.LogRecord ToRecord(OtlpLogRecord log, IngestContext context, string? service, string? host, AttributeMap scoped,
        AttributeMapBuilder attributes)
    {
        attributes.Clear();
        attributes.SetAll(scoped);
        foreach (var attribute in log.Attributes) AnyValues.Flatten(LogText.Clean(attribute.Key), attribute.Value, attributes);
        if (log.EventName.Length > 0) attributes.Set("event.name", LogText.Clean(log.EventName));

        var level = LogLevels.FromOtlpSeverity((int)log.SeverityNumber);
        if (level is null && log.SeverityText.Length > 0)
        {
            if (LogLevels.TryNormalize(log.SeverityText, out var fromText)) level = fromText;
            else attributes.Set("severity_text", LogText.Clean(log.SeverityText));
        }

        var observed = log.ObservedTimeUnixNano != 0 ? Nanos(log.ObservedTimeUnixNano) : context.ReceivedNanos;
        return new Contracts.Logs.LogRecord
        {
            Tenant = context.Tenant,
            TimestampNanos = log.TimeUnixNano != 0 ? Nanos(log.TimeUnixNano) : observed,
            ObservedNanos = observed,
            Level = level ?? LogLevel.Info,
            Service = service,
            Host = host,
            Message = log.Body is null ? "" : AnyValues.Text(log.Body) ?? "",
            TraceId = Hex(log.TraceId),
            SpanId = Hex(log.SpanId),
            Attributes = attributes.ToMap(),
            Source = LogSource.Otlp,
        };
    }

    // Beyond 2262 a ulong of nanoseconds does not fit a long; such a time is as wrong as any other far-future one.
    static long Nanos(ulong unixNanos) => unixNanos > long.MaxValue ? long.MaxValue : (long)unixNanos;

    /// <summary>Ids as lowercase hex; an empty or all-zero id (invalid per the spec) is no id.</summary>
    static string? Hex(ByteString id) => id.IsEmpty || !id.Span.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(id.Span);
}
