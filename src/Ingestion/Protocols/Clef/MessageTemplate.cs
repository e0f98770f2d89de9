using System.Text;
using System.Text.Json;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Clef;

/// <summary>
/// Renders a Serilog message template (<c>@mt</c>) with the event's properties the way Serilog does: <c>{Name}</c>,
/// <c>{@Name}</c> and <c>{$Name}</c> holes, <c>{{</c>/<c>}}</c> for literal braces, <c>,width</c> alignment; strings
/// are quoted unless formatted <c>:l</c>; holes with a format take the pre-formatted text from <c>@r</c> in order when
/// the sender supplied it. A hole without a matching property stays as written.
/// </summary>
static class MessageTemplate
{
    public static string Render(string template, ReadOnlySpan<byte> line, List<ClefProperty> properties, List<string>? renderings, JsonFields fields)
    {
        if (!template.Contains('{') && !template.Contains('}')) return template;
        var output = new StringBuilder(template.Length + 32);
        var rendering = 0;
        var p = 0;
        while (p < template.Length)
        {
            var c = template[p];
            if ((c == '{' || c == '}') && p + 1 < template.Length && template[p + 1] == c)
            {
                output.Append(c);
                p += 2;
                continue;
            }
            var close = c == '{' ? template.IndexOf('}', p + 1) : -1;
            if (close < 0)
            {
                output.Append(c);
                p++;
                continue;
            }
            var hole = template.AsSpan(p + 1, close - p - 1);
            if (!TryRenderHole(hole, line, properties, renderings, ref rendering, fields, output)) output.Append(template, p, close - p + 1);
            p = close + 1;
        }
        return output.ToString();
    }

    static bool TryRenderHole(ReadOnlySpan<char> hole, ReadOnlySpan<byte> line, List<ClefProperty> properties, List<string>? renderings,
        ref int rendering, JsonFields fields, StringBuilder output)
    {
        if (hole.Length > 0 && hole[0] is '@' or '$') hole = hole[1..];
        var formatAt = hole.IndexOf(':');
        var format = formatAt < 0 ? default : hole[(formatAt + 1)..];
        var head = formatAt < 0 ? hole : hole[..formatAt];
        var alignAt = head.IndexOf(',');
        var name = alignAt < 0 ? head : head[..alignAt];
        var width = 0;
        if (alignAt >= 0 && !int.TryParse(head[(alignAt + 1)..], out width)) return false;
        if (name.IsEmpty || name.ContainsAnyExcept(NameChars)) return false;

        string? text = null;
        if (!format.IsEmpty && renderings is not null && rendering < renderings.Count) text = renderings[rendering++];
        if (text is null)
        {
            foreach (var property in properties)
            {
                if (!name.SequenceEqual(property.Name)) continue;
                text = Display(line[property.Start..property.End], format, fields);
                break;
            }
            if (text is null) return false;
        }
        var padding = Math.Abs(width) - text.Length;
        if (padding > 0 && width > 0) output.Append(' ', padding);
        output.Append(text);
        if (padding > 0 && width < 0) output.Append(' ', padding);
        return true;
    }

    static string Display(ReadOnlySpan<byte> json, ReadOnlySpan<char> format, JsonFields fields)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String when format.SequenceEqual("l") => fields.String(ref reader),
            JsonTokenType.String => "\"" + fields.String(ref reader).Replace("\"", "\\\"") + "\"",
            JsonTokenType.True => "True",
            JsonTokenType.False => "False",
            JsonTokenType.Null => "null",
            _ => JsonCompact.ToText(json),
        };
    }

    static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");
}
