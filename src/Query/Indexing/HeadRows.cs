using System.Buffers;
using System.Text.Json;
using BuildingBlocks.DuckDb;
using Contracts.Logs;

namespace Query.Indexing;

/// <summary>Appends log records to a head table, one row each; attributes travel as a JSON object.</summary>
public sealed class HeadRows(DuckAppender appender) : IDisposable
{
    static readonly byte[][] Levels = [.. Enum.GetNames<Contracts.Logs.LogLevel>().Select(n => System.Text.Encoding.UTF8.GetBytes(n.ToLowerInvariant()))];
    static readonly byte[][] Sources = [.. Enum.GetNames<LogSource>().Select(n => System.Text.Encoding.UTF8.GetBytes(n.ToLowerInvariant()))];
    readonly ArrayBufferWriter<byte> json = new(1024);
    readonly Utf8JsonWriter writer = new(Stream.Null);

    /// <summary>Row ids order records of equal time: partition (8 bits), offset (36 bits), position in the batch (20 bits).</summary>
    public static long RowId(int partition, long offset, int index) => ((long)partition << 56) | (offset << 20) | (uint)index;

    public void Append(string tenant, int partition, LogRecord record, long rowId)
    {
        appender.Append(tenant).Append(partition).Append(record.TimestampNanos).Append(record.ObservedNanos)
            .AppendUtf8(Levels[(int)record.Level]).Append(record.Service).Append(record.Host).Append(record.Message)
            .Append(record.TraceId).Append(record.SpanId);
        if (record.Attributes.Count == 0) appender.AppendNull();
        else appender.AppendUtf8(AttributesJson(record.Attributes));
        appender.AppendUtf8(Sources[(int)record.Source]).Append(record.EventId).Append(rowId).EndRow();
    }

    public void Flush() => appender.Flush();

    public void Dispose()
    {
        writer.Dispose();
        appender.Dispose();
    }

    ReadOnlySpan<byte> AttributesJson(IReadOnlyDictionary<string, string> attributes)
    {
        json.ResetWrittenCount();
        writer.Reset(json);
        writer.WriteStartObject();
        foreach (var (key, value) in attributes) writer.WriteString(key, value);
        writer.WriteEndObject();
        writer.Flush();
        return json.WrittenSpan;
    }
}
