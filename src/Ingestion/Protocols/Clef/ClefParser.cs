using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Clef;

/// <summary>
/// Seq's compact log event format (<c>POST /api/events/raw?clef</c>, <c>/ingest/clef</c>): NDJSON, one event per line.
/// <c>@t</c> timestamp; <c>@m</c> message, or <c>@mt</c> template rendered with the properties (and kept as attribute
/// <c>messageTemplate</c>); <c>@l</c> level (absent means Information); <c>@x</c> → attribute <c>exception</c>;
/// <c>@tr</c>/<c>@sp</c> trace and span ids; <c>@i</c> → attribute <c>eventType</c>, because it names the kind of
/// event (Serilog sends a hash of the template), so deduplicating on it would drop distinct events; <c>@r</c> feeds
/// the rendering. Every other property becomes an attribute; <c>@@name</c> is the escaped user property <c>@name</c>.
/// </summary>
public static class ClefParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, IngestContext context)
    {
        var builder = new ParseResultBuilder(context);
        using var fields = new JsonFields();
        var draft = new RecordDraft();
        var properties = new List<ClefProperty>();
        var renderings = new List<string>();
        var lines = new NdjsonLines(BodyText.WithoutBom(body));
        while (lines.MoveNext())
        {
            try
            {
                var reader = new Utf8JsonReader(lines.Current);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    builder.Reject(lines.Index, $"line {lines.LineNumber} is not a JSON object");
                    continue;
                }
                draft.Reset();
                properties.Clear();
                renderings.Clear();
                var template = ReadEvent(lines.Current, ref reader, fields, draft, properties, renderings);
                reader.Read(); // throws when anything but whitespace follows the event on its line
                if (draft.Message is null && template is not null)
                    draft.Message = MessageTemplate.Render(template, lines.Current, properties, renderings, fields);
                if (draft.Problem is not null) builder.Reject(lines.Index, $"line {lines.LineNumber}: {draft.Problem}");
                else builder.Accept(lines.Index, draft.Build(context, LogSource.Clef));
            }
            catch (JsonException e)
            {
                builder.Reject(lines.Index, $"line {lines.LineNumber} is not valid JSON: {e.Message}");
            }
        }
        return builder.Build();
    }

    /// <summary>Reads one event object into the draft; returns its message template, if any.</summary>
    static string? ReadEvent(ReadOnlySpan<byte> line, ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft,
        List<ClefProperty> properties, List<string> renderings)
    {
        string? template = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = fields.Utf8(ref reader);
            // An unescaped name is a slice of the line and survives the next read; an escaped one must be copied.
            ReadOnlySpan<byte> userName = name.Length > 1 && name[0] == '@' && name[1] != '@' ? default
                : reader.ValueIsEscaped ? name.ToArray() : name;
            var reserved = userName.IsEmpty ? fields.Cache.Get(name) : null;
            reader.Read();
            if (reserved is null)
            {
                // "@@name" is how CLEF writes a user property called "@name".
                if (userName.StartsWith("@@"u8)) userName = userName[1..];
                var start = (int)reader.TokenStartIndex;
                fields.Flatten(line, ref reader, userName, draft);
                properties.Add(new ClefProperty(fields.Cache.Get(userName), start, (int)reader.BytesConsumed));
                continue;
            }
            switch (reserved)
            {
                case "@t":
                    if (reader.TokenType == JsonTokenType.String && Timestamps.TryParseRfc3339(fields.Utf8(ref reader), out var nanos)) draft.Timestamp = nanos;
                    else draft.Fail("@t must be an ISO 8601 timestamp");
                    break;
                case "@m": draft.Message = fields.Text(ref reader); break;
                case "@mt":
                    template = fields.Text(ref reader);
                    if (template is not null) draft.Attribute("messageTemplate", template);
                    break;
                case "@l":
                    if (fields.Text(ref reader) is { } level) draft.LevelFrom("level", level);
                    break;
                case "@x": Keep(ref reader, fields, draft, "exception"); break;
                case "@i": Keep(ref reader, fields, draft, "eventType"); break;
                case "@tr": draft.TraceId = fields.Text(ref reader); break;
                case "@sp": draft.SpanId = fields.Text(ref reader); break;
                case "@r": ReadRenderings(ref reader, fields, renderings); break;
                default: fields.Flatten(line, ref reader, System.Text.Encoding.UTF8.GetBytes(reserved), draft); break;
            }
        }
        return template;
    }

    static void Keep(ref Utf8JsonReader reader, JsonFields fields, RecordDraft draft, string attribute)
    {
        if (fields.Text(ref reader) is { } text) draft.Attribute(attribute, text);
        else reader.Skip();
    }

    static void ReadRenderings(ref Utf8JsonReader reader, JsonFields fields, List<string> renderings)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            renderings.Add(fields.Text(ref reader) ?? "");
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
    }
}
