using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Native;

/// <summary>
/// The platform's own intake format (<c>POST /api/v1/logs</c>): a JSON array of records, an object <c>{"logs": [...]}</c>,
/// or NDJSON with one record per line, told apart by looking at the body. A record is
/// <c>{timestamp, level, service, instance, message, traceId, spanId, eventId, metadata}</c>; only <c>message</c> is
/// required; <c>timestamp</c> is RFC 3339 or a Unix epoch number in s, ms or ns (told apart by magnitude);
/// <c>instance</c> becomes the host; <c>metadata</c> and any other field become attributes.
/// </summary>
public static class NativeLogParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, IngestContext context)
    {
        body = BodyText.WithoutBom(body);
        var builder = new ParseResultBuilder(context);
        using var fields = new JsonFields();
        var draft = new RecordDraft();
        switch (BodyText.FirstSignificantByte(body))
        {
            case (byte)'[':
                return ParseDocument(body, builder, fields, draft);
            case (byte)'{':
                return IsSingleDocument(body) ? ParseDocument(body, builder, fields, draft) : ParseLines(body, builder, fields, draft);
            case 0:
                return ParseResult.Malformed("the body is empty");
            default:
                return ParseResult.Malformed("expected a JSON array of records, an object with a \"logs\" array, or NDJSON records");
        }
    }

    /// <summary>One JSON value and nothing after it (an array, the wrapper object, or a lone record) as opposed to NDJSON.
    /// A first line that is not valid JSON also counts as NDJSON, so that one bad line does not sink the others.</summary>
    static bool IsSingleDocument(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            reader.Read();
            reader.Skip();
        }
        catch (JsonException)
        {
            return false;
        }
        return body[(int)reader.BytesConsumed..].Trim(" \t\r\n"u8).IsEmpty;
    }

    static ParseResult ParseDocument(ReadOnlySpan<byte> body, ParseResultBuilder builder, JsonFields fields, RecordDraft draft)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadArray(body, ref reader, builder, fields, draft);
                reader.Read(); // throws when anything but whitespace follows the array
            }
            else if (!TryReadWrapper(body, builder, fields, draft)) ReadOne(body, ref reader, 0, builder, fields, draft);
            return builder.Build();
        }
        catch (JsonException e)
        {
            return ParseResult.Malformed($"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Reads <c>{"logs": [...]}</c>; false (having read nothing) when the object has no "logs" array and so is a record itself.</summary>
    static bool TryReadWrapper(ReadOnlySpan<byte> body, ParseResultBuilder builder, JsonFields fields, RecordDraft draft)
    {
        var reader = new Utf8JsonReader(body);
        reader.Read();
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLogs = reader.ValueTextEquals("logs"u8);
            reader.Read();
            if (isLogs && reader.TokenType == JsonTokenType.StartArray && !found)
            {
                ReadArray(body, ref reader, builder, fields, draft);
                found = true;
            }
            else reader.Skip();
        }
        return found;
    }

    static void ReadArray(ReadOnlySpan<byte> body, ref Utf8JsonReader reader, ParseResultBuilder builder, JsonFields fields, RecordDraft draft)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject) ReadOne(body, ref reader, index, builder, fields, draft);
            else
            {
                reader.Skip();
                builder.Reject(index, $"record {index} is not a JSON object");
            }
            index++;
        }
    }

    static ParseResult ParseLines(ReadOnlySpan<byte> body, ParseResultBuilder builder, JsonFields fields, RecordDraft draft)
    {
        var lines = new NdjsonLines(body);
        while (lines.MoveNext())
        {
            var line = lines.Current;
            try
            {
                var reader = new Utf8JsonReader(line);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    builder.Reject(lines.Index, $"line {lines.LineNumber} is not a JSON object");
                    continue;
                }
                draft.Reset();
                NativeRecordReader.Read(line, ref reader, fields, draft);
                reader.Read(); // throws when anything but whitespace follows the record on its line
                Finish(lines.Index, builder, draft);
            }
            catch (JsonException e)
            {
                builder.Reject(lines.Index, $"line {lines.LineNumber} is not valid JSON: {e.Message}");
            }
        }
        return builder.Build();
    }

    static void ReadOne(ReadOnlySpan<byte> source, ref Utf8JsonReader reader, int index, ParseResultBuilder builder, JsonFields fields, RecordDraft draft)
    {
        draft.Reset();
        NativeRecordReader.Read(source, ref reader, fields, draft);
        Finish(index, builder, draft);
    }

    static void Finish(int index, ParseResultBuilder builder, RecordDraft draft)
    {
        if (draft.Problem is not null) builder.Reject(index, draft.Problem);
        else builder.Accept(index, draft.Build(builder.Context, LogSource.Native));
    }
}
