using System.Text.Json;
using Contracts.Logs;
using Query.Search;

namespace Query.Tail;

/// <summary>A tailed line in the shape of a search result, and the notice of lines dropped before the next one.</summary>
public static class TailJson
{
    public static void WriteLine(Utf8JsonWriter json, LogRecord record)
    {
        json.WriteStartObject();
        json.WriteString("timestamp", LineSearch.Rfc3339(record.TimestampNanos));
        json.WriteString("level", LineField.LevelNames[(int)record.Level]);
        json.WriteString("service", record.Service);
        json.WriteString("host", record.Host);
        json.WriteString("message", record.Message);
        json.WriteString("traceId", record.TraceId);
        json.WriteString("spanId", record.SpanId);
        json.WriteStartObject("attributes");
        foreach (var (key, value) in record.Attributes) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary><c>{"type":"dropped","count":N}</c>; Server-Sent Events name the type in the event instead.</summary>
    public static void WriteDropped(Utf8JsonWriter json, long count, bool withType)
    {
        json.WriteStartObject();
        if (withType) json.WriteString("type", "dropped");
        json.WriteNumber("count", count);
        json.WriteEndObject();
    }
}
