using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Native;

/// <summary>Reads one native record object into a <see cref="RecordDraft"/>.</summary>
static class NativeRecordReader
{
    enum Field { Other, Timestamp, Level, Service, Instance, Message, TraceId, SpanId, EventId, Metadata }

    /// <summary>Reads the object the reader is on, leaving the reader on its EndObject.</summary>
    public static void Read(ReadOnlySpan<byte> source, ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = fields.Utf8(ref reader);
            var field = Classify(name);
            // Unknown fields become attributes named after themselves. An unescaped name is a slice of the body and
            // outlives the next read; an escaped one lives in the scratch buffer and must be copied.
            var otherName = field != Field.Other ? default : reader.ValueIsEscaped ? name.ToArray() : name;
            reader.Read();
            switch (field)
            {
                case Field.Timestamp: ReadTimestamp(ref reader, fields, draft); break;
                case Field.Level: ReadLevel(ref reader, fields, draft); break;
                case Field.Service: draft.Service = ScalarText(ref reader, fields, draft, "service", cached: true); break;
                case Field.Instance: draft.Host = ScalarText(ref reader, fields, draft, "instance", cached: true); break;
                case Field.Message: draft.Message = ScalarText(ref reader, fields, draft, "message", cached: false); break;
                case Field.TraceId: draft.TraceId = ScalarText(ref reader, fields, draft, "traceId", cached: false); break;
                case Field.SpanId: draft.SpanId = ScalarText(ref reader, fields, draft, "spanId", cached: false); break;
                case Field.EventId: draft.EventId = ScalarText(ref reader, fields, draft, "eventId", cached: false); break;
                case Field.Metadata:
                    if (reader.TokenType == JsonTokenType.StartObject) fields.Flatten(source, ref reader, default, draft);
                    else if (reader.TokenType != JsonTokenType.Null) SkipNonScalar(ref reader, draft, "metadata", "an object");
                    break;
                default:
                    fields.Flatten(source, ref reader, otherName, draft);
                    break;
            }
        }
        if (draft.Message is null) draft.Fail("message is required");
    }

    /// <summary>Straight from the bytes: a string is made only for a spelling that is not recognised (kept as an attribute).</summary>
    static void ReadLevel(ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number))
        {
            SkipNonScalar(ref reader, draft, "level");
            return;
        }
        var spelling = fields.Utf8(ref reader);
        if (LogLevels.TryNormalize(spelling, out var level)) draft.Level = level;
        else draft.Attribute("level", LogText.FromUtf8(spelling));
    }

    static void ReadTimestamp(ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft)
    {
        long nanos;
        var parsed = reader.TokenType switch
        {
            JsonTokenType.String => Timestamps.TryParse(fields.Utf8(ref reader), EpochUnit.Auto, out nanos),
            JsonTokenType.Number => Timestamps.TryParseEpoch(reader.ValueSpan, EpochUnit.Auto, out nanos),
            JsonTokenType.Null => Ignore(out nanos),
            _ => Reject(ref reader, out nanos),
        };
        if (!parsed) draft.Fail("timestamp must be RFC 3339 text or a Unix epoch number in s, ms or ns");
        else if (reader.TokenType != JsonTokenType.Null) draft.Timestamp = nanos;
    }

    static bool Ignore(out long nanos)
    {
        nanos = 0;
        return true;
    }

    static bool Reject(ref Utf8JsonReader reader, out long nanos)
    {
        reader.Skip();
        nanos = 0;
        return false;
    }

    static string? ScalarText(ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft, string name, bool cached)
    {
        if (reader.TokenType == JsonTokenType.String) return cached ? fields.CachedString(ref reader) : fields.String(ref reader);
        var text = fields.Text(ref reader);
        if (text is null) SkipNonScalar(ref reader, draft, name);
        return text;
    }

    static void SkipNonScalar(ref Utf8JsonReader reader, RecordDraft draft, string name, string expected = "a string")
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            draft.Fail($"{name} must be {expected}");
        }
    }

    static Field Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("level"u8) => Field.Level,
        6 when name.SequenceEqual("spanId"u8) => Field.SpanId,
        7 when name.SequenceEqual("service"u8) => Field.Service,
        7 when name.SequenceEqual("message"u8) => Field.Message,
        7 when name.SequenceEqual("traceId"u8) => Field.TraceId,
        7 when name.SequenceEqual("eventId"u8) => Field.EventId,
        8 when name.SequenceEqual("instance"u8) => Field.Instance,
        8 when name.SequenceEqual("metadata"u8) => Field.Metadata,
        9 when name.SequenceEqual("timestamp"u8) => Field.Timestamp,
        _ => Field.Other,
    };
}
