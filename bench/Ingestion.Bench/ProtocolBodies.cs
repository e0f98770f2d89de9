using System.Buffers;
using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Loki.Proto;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Bench;

/// <summary>The same loghub lines in the other intake protocols, as their usual senders would write them.</summary>
static class ProtocolBodies
{
    public static byte[] ElasticsearchBulk(LoghubCorpus corpus) => Write(corpus, (json, buffer, line) =>
    {
        buffer.Write("{\"create\":{\"_index\":\"logs-"u8);
        buffer.Write(System.Text.Encoding.UTF8.GetBytes(line.Service));
        buffer.Write("\"}}\n"u8);
        json.WriteStartObject();
        json.WriteString("@timestamp", DateTime.UnixEpoch.AddTicks(line.TimestampNanos / 100));
        json.WriteString("message", line.Text);
        json.WriteStartObject("log");
        json.WriteString("level", line.Level);
        json.WriteStartObject("file");
        json.WriteString("path", line.File);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("service");
        json.WriteString("name", line.Service);
        json.WriteEndObject();
        json.WriteStartObject("host");
        json.WriteString("name", line.Host);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    public static byte[] Clef(LoghubCorpus corpus) => Write(corpus, (json, _, line) =>
    {
        json.WriteStartObject();
        json.WriteString("@t", DateTime.UnixEpoch.AddTicks(line.TimestampNanos / 100));
        json.WriteString("@mt", "{Service} said {Line:l}");
        json.WriteString("@l", line.Level == "warn" ? "Warning" : line.Level == "error" ? "Error" : "Information");
        json.WriteString("Service", line.Service);
        json.WriteString("Line", line.Text);
        json.WriteString("MachineName", line.Host);
        json.WriteEndObject();
    });

    public static byte[] LokiJson(LoghubCorpus corpus)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteStartArray("streams");
        foreach (var stream in corpus.Lines.GroupBy(line => (line.Service, line.Host, line.Level)))
        {
            json.WriteStartObject();
            json.WriteStartObject("stream");
            json.WriteString("service_name", stream.Key.Service);
            json.WriteString("host", stream.Key.Host);
            json.WriteString("level", stream.Key.Level);
            json.WriteEndObject();
            json.WriteStartArray("values");
            foreach (var line in stream)
            {
                json.WriteStartArray();
                json.WriteStringValue(line.TimestampNanos.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.WriteStringValue(line.Text);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] LokiSnappyProtobuf(LoghubCorpus corpus)
    {
        var request = new PushRequest();
        foreach (var stream in corpus.Lines.GroupBy(line => (line.Service, line.Host, line.Level)))
        {
            var adapter = new StreamAdapter { Labels = $"{{service_name=\"{stream.Key.Service}\", host=\"{stream.Key.Host}\", level=\"{stream.Key.Level}\"}}" };
            foreach (var line in stream)
                adapter.Entries.Add(new EntryAdapter { Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UnixEpoch.AddTicks(line.TimestampNanos / 100)), Line = line.Text });
            request.Streams.Add(adapter);
        }
        return IronSnappy.Snappy.Encode(request.ToByteArray());
    }

    public static ExportLogsServiceRequest Otlp(LoghubCorpus corpus)
    {
        var request = new ExportLogsServiceRequest();
        foreach (var resource in corpus.Lines.GroupBy(line => (line.Service, line.Host)))
        {
            var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "loghub" } };
            foreach (var line in resource)
                scope.LogRecords.Add(new Ingestion.Protocols.Otlp.Proto.LogRecord
                {
                    TimeUnixNano = (ulong)line.TimestampNanos,
                    SeverityNumber = line.Level == "error" ? SeverityNumber.Error : line.Level == "warn" ? SeverityNumber.Warn : SeverityNumber.Info,
                    Body = new AnyValue { StringValue = line.Text },
                    Attributes = { new KeyValue { Key = "log.file.name", Value = new AnyValue { StringValue = line.File } } },
                });
            request.ResourceLogs.Add(new ResourceLogs
            {
                Resource = new Resource
                {
                    Attributes =
                    {
                        new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = resource.Key.Service } },
                        new KeyValue { Key = "host.name", Value = new AnyValue { StringValue = resource.Key.Host } },
                    },
                },
                ScopeLogs = { scope },
            });
        }
        return request;
    }

    /// <summary>OTLP/JSON with integer enums, as the OTLP specification asks (the records carry no ids, so base64 versus hex does not arise).</summary>
    public static byte[] OtlpJson(ExportLogsServiceRequest request) =>
        System.Text.Encoding.UTF8.GetBytes(new JsonFormatter(JsonFormatter.Settings.Default.WithFormatEnumsAsIntegers(true)).Format(request));

    static byte[] Write(LoghubCorpus corpus, Action<Utf8JsonWriter, ArrayBufferWriter<byte>, LoghubCorpus.Line> writeLine)
    {
        var buffer = new ArrayBufferWriter<byte>(corpus.Lines.Count * 300);
        using var json = new Utf8JsonWriter(buffer);
        foreach (var line in corpus.Lines)
        {
            writeLine(json, buffer, line);
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
