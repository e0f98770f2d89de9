using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Contracts.Logs;

namespace Query.Bench;

/// <summary>
/// The size of a record as one NDJSON line of an agent's file (timestamp, level, service, host, message, trace_id,
/// span_id, attributes): the "raw" size the storage ratio divides. One instance per thread; nothing is kept.
/// </summary>
sealed class NdjsonSize
{
    static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];
    readonly ArrayBufferWriter<byte> buffer = new(4096);
    readonly Utf8JsonWriter writer;

    public NdjsonSize() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public int Of(LogRecord record)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteString("timestamp", DateTime.UnixEpoch.AddTicks(record.TimestampNanos / 100));
        writer.WriteString("level", LevelNames[(int)record.Level]);
        if (record.Service is not null) writer.WriteString("service", record.Service);
        if (record.Host is not null) writer.WriteString("host", record.Host);
        writer.WriteString("message", record.Message);
        if (record.TraceId is not null) writer.WriteString("trace_id", record.TraceId);
        if (record.SpanId is not null) writer.WriteString("span_id", record.SpanId);
        if (record.Attributes.Count > 0)
        {
            writer.WriteStartObject("attributes");
            foreach (var (key, value) in record.Attributes) writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenCount + 1; // the newline
    }
}
