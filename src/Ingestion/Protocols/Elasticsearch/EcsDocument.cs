using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// Maps a flattened _bulk document onto a record, reading the Elastic Common Schema names agents use and their common
/// short forms: <c>@timestamp</c> (RFC 3339 or epoch milliseconds), <c>message</c> or else <c>log</c> or <c>msg</c>,
/// <c>log.level</c> or <c>level</c>, <c>service.name</c> or <c>service</c>, <c>host.name</c> or <c>host</c>,
/// <c>trace.id</c>, <c>span.id</c>. Nested objects and dotted names are the same thing once flattened, so
/// <c>{"log":{"level":"warn"}}</c> and <c>{"log.level":"warn"}</c> both work. Every other field, and any alternative
/// that lost to a preferred one, stays an attribute under its own name.
/// </summary>
sealed class EcsDocument(RecordDraft draft) : IFieldSink
{
    string? _log, _msg, _level, _shortLevel, _shortService, _shortHost;

    public void Reset()
    {
        draft.Reset();
        _log = _msg = _level = _shortLevel = _shortService = _shortHost = null;
    }

    public void Field(string key, string value, JsonTokenType kind)
    {
        switch (key)
        {
            case "@timestamp":
                var parsed = kind == JsonTokenType.Number
                    ? Timestamps.TryParseEpoch(value.AsSpan(), EpochUnit.Milliseconds, out var nanos)
                    : Timestamps.TryParse(value.AsSpan(), EpochUnit.Milliseconds, out nanos);
                if (parsed) draft.Timestamp = nanos;
                else draft.Fail($"failed to parse field [@timestamp] with value [{value}]: expected RFC 3339 or epoch_millis");
                break;
            case "message" when kind != JsonTokenType.StartArray: draft.Message = value; break;
            case "log" when kind == JsonTokenType.String: _log = value; break;
            case "msg" when kind == JsonTokenType.String: _msg = value; break;
            case "log.level": _level = value; break;
            case "level": _shortLevel = value; break;
            case "service.name": draft.Service = value; break;
            case "service" when kind == JsonTokenType.String: _shortService = value; break;
            case "host.name": draft.Host = value; break;
            case "host" when kind == JsonTokenType.String: _shortHost = value; break;
            case "trace.id": draft.TraceId = value; break;
            case "span.id": draft.SpanId = value; break;
            default: draft.Attribute(key, value); break;
        }
    }

    /// <summary>Settles the fields that have alternatives, once the whole document has been read.</summary>
    public void Complete()
    {
        draft.Message = Prefer(draft.Message, "log", _log);
        draft.Message = Prefer(draft.Message, "msg", _msg);
        draft.Service = Prefer(draft.Service, "service", _shortService);
        draft.Host = Prefer(draft.Host, "host", _shortHost);
        if (_level is not null)
        {
            draft.LevelFrom("log.level", _level);
            if (_shortLevel is not null) draft.Attribute("level", _shortLevel);
        }
        else if (_shortLevel is not null) draft.LevelFrom("level", _shortLevel);
    }

    string? Prefer(string? chosen, string key, string? alternative)
    {
        if (alternative is null) return chosen;
        if (chosen is null) return alternative;
        draft.Attribute(key, alternative);
        return chosen;
    }
}
