using Contracts.Logs;
using Google.Protobuf;

namespace Ingestion.Bench.Candidates;

/// <summary>The losing candidate: LogBatch ⇄ protobuf through the generated messages, as production code would do it.</summary>
static class ProtobufLogBatchCodec
{
    public static byte[] Encode(LogBatch batch)
    {
        var message = new LogBatchMessage { Tenant = batch.Tenant, BatchId = ByteString.CopyFrom(batch.BatchId.ToByteArray()) };
        foreach (var record in batch.Records)
        {
            var proto = new LogRecordMessage
            {
                TimestampNanos = (ulong)record.TimestampNanos,
                ObservedDeltaNanos = record.ObservedNanos - record.TimestampNanos,
                Level = (uint)record.Level,
                Source = (uint)record.Source,
                Message = record.Message,
            };
            if (record.Service is not null) proto.Service = record.Service;
            if (record.Host is not null) proto.Host = record.Host;
            if (record.TraceId is not null) proto.TraceId = record.TraceId;
            if (record.SpanId is not null) proto.SpanId = record.SpanId;
            if (record.EventId is not null) proto.EventId = record.EventId;
            foreach (var (key, value) in record.Attributes) proto.Attributes.Add(key, value);
            message.Records.Add(proto);
        }
        return message.ToByteArray();
    }

    public static LogBatch Decode(ReadOnlySpan<byte> value)
    {
        var message = LogBatchMessage.Parser.ParseFrom(value);
        var records = new LogRecord[message.Records.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var proto = message.Records[i];
            records[i] = new LogRecord
            {
                Tenant = message.Tenant,
                TimestampNanos = (long)proto.TimestampNanos,
                ObservedNanos = (long)proto.TimestampNanos + proto.ObservedDeltaNanos,
                Level = (LogLevel)proto.Level,
                Source = (LogSource)proto.Source,
                Message = proto.Message,
                Service = proto.HasService ? proto.Service : null,
                Host = proto.HasHost ? proto.Host : null,
                TraceId = proto.HasTraceId ? proto.TraceId : null,
                SpanId = proto.HasSpanId ? proto.SpanId : null,
                EventId = proto.HasEventId ? proto.EventId : null,
                Attributes = proto.Attributes.Count == 0 ? LogRecord.NoAttributes : new Dictionary<string, string>(proto.Attributes),
            };
        }
        return new LogBatch(message.Tenant, new Guid(message.BatchId.Span), records);
    }
}
