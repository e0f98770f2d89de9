using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Loki;

/// <summary>
/// Loki's JSON push: <c>{"streams": [{"stream": {labels}, "values": [["&lt;unix ns&gt;", "line", {structured metadata}?]]}]}</c>.
/// An entry with a bad timestamp or line is rejected on its own; entries are numbered across all streams.
/// </summary>
static class LokiJsonPush
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, IngestContext context)
    {
        body = BodyText.WithoutBom(body);
        var builder = new ParseResultBuilder(context);
        using var fields = new JsonFields();
        var metadata = new List<KeyValuePair<string, string>>();
        var index = 0;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return ParseResult.Malformed("expected a JSON object with \"streams\"");
            var sawStreams = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStreams = reader.ValueTextEquals("streams"u8);
                reader.Read();
                if (!isStreams || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                sawStreams = true;
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    ReadStream(body, ref reader, fields, builder, metadata, ref index);
                if (reader.TokenType != JsonTokenType.EndArray) return ParseResult.Malformed("each element of \"streams\" must be an object");
            }
            reader.Read(); // throws when anything but whitespace follows
            return sawStreams ? builder.Build() : ParseResult.Malformed("the body has no \"streams\" array");
        }
        catch (JsonException e)
        {
            return ParseResult.Malformed($"the body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The labels may come after the values, so the values are read once the whole stream object has been seen.</summary>
    static void ReadStream(ReadOnlySpan<byte> body, ref Utf8JsonReader reader, JsonFields fields, ParseResultBuilder builder,
        List<KeyValuePair<string, string>> metadata, ref int index)
    {
        var labels = new List<KeyValuePair<string, string>>();
        var (valuesStart, valuesEnd) = (-1, -1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStream = reader.ValueTextEquals("stream"u8);
            var isValues = reader.ValueTextEquals("values"u8);
            reader.Read();
            if (isStream && reader.TokenType == JsonTokenType.StartObject) ReadPairs(ref reader, fields, labels);
            else if (isValues && reader.TokenType == JsonTokenType.StartArray)
            {
                valuesStart = (int)reader.TokenStartIndex;
                reader.Skip();
                valuesEnd = (int)reader.BytesConsumed;
            }
            else reader.Skip();
        }
        if (valuesStart < 0) return;

        var stream = new LokiStream(AttributeMap.From(labels));
        var values = body[valuesStart..valuesEnd];
        var entries = new Utf8JsonReader(values);
        entries.Read();
        while (entries.Read() && entries.TokenType != JsonTokenType.EndArray)
        {
            var problem = ReadEntry(ref entries, fields, metadata, out var timestamp, out var line);
            if (problem is not null) builder.Reject(index, $"entry {index}: {problem}");
            else builder.Accept(index, stream.Entry(builder.Context, timestamp, line!, metadata));
            index++;
        }
    }

    static string? ReadEntry(ref Utf8JsonReader reader, JsonFields fields, List<KeyValuePair<string, string>> metadata, out long timestamp, out string? line)
    {
        timestamp = 0;
        line = null;
        metadata.Clear();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return "expected [\"<unix ns>\", \"<line>\"]";
        }
        string? problem = null;
        var position = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (position++)
            {
                case 0 when reader.TokenType is JsonTokenType.String or JsonTokenType.Number:
                    if (!Timestamps.TryParseEpoch(fields.Utf8(ref reader), EpochUnit.Nanoseconds, out timestamp))
                        problem ??= "the timestamp must be a string of Unix nanoseconds";
                    break;
                case 1 when reader.TokenType == JsonTokenType.String:
                    line = fields.String(ref reader);
                    break;
                case 2 when reader.TokenType == JsonTokenType.StartObject:
                    ReadPairs(ref reader, fields, metadata);
                    break;
                default:
                    reader.Skip();
                    problem ??= position switch
                    {
                        1 => "the timestamp must be a string of Unix nanoseconds",
                        2 => "the line must be a string",
                        3 => "structured metadata must be an object of strings",
                        _ => "an entry has at most three elements",
                    };
                    break;
            }
        }
        if (position < 2) problem ??= "expected [\"<unix ns>\", \"<line>\"]";
        return problem;
    }

    static void ReadPairs(ref Utf8JsonReader reader, JsonFields fields, ICollection<KeyValuePair<string, string>> into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = fields.CachedString(ref reader);
            reader.Read();
            if (fields.Text(ref reader) is { } value) into.Add(new(name, value));
            else reader.Skip();
        }
    }
}
