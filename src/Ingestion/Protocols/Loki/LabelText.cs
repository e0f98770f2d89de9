using System.Globalization;
using System.Text;

namespace Ingestion.Protocols.Loki;

/// <summary>
/// Prometheus label text as Loki's protobuf push carries it: <c>{app="api", path="C:\\logs", quote="say \"hi\""}</c>.
/// Values are double-quoted Go strings, so <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\t</c>, <c>\r</c>, <c>\uXXXX</c> and
/// the rest of Go's escapes are understood.
/// </summary>
public static class LabelText
{
    public static bool TryParse(ReadOnlySpan<char> text, List<KeyValuePair<string, string>> labels, out string error)
    {
        error = "";
        var p = 0;
        SkipSpace(text, ref p);
        if (p >= text.Length || text[p] != '{') return Fail(out error, "label text must start with '{'");
        p++;
        var value = new StringBuilder();
        while (true)
        {
            SkipSpace(text, ref p);
            if (p < text.Length && text[p] == '}') break;
            var nameStart = p;
            while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '_')) p++;
            if (p == nameStart || char.IsAsciiDigit(text[nameStart]))
                return Fail(out error, $"expected a label name at position {nameStart}");
            var name = text[nameStart..p].ToString();
            SkipSpace(text, ref p);
            if (p >= text.Length || text[p] != '=') return Fail(out error, $"expected '=' after label {name}");
            p++;
            SkipSpace(text, ref p);
            if (p >= text.Length || text[p] != '"') return Fail(out error, $"expected a double-quoted value for label {name}");
            p++;
            value.Clear();
            if (!TryReadQuoted(text, ref p, value)) return Fail(out error, $"the value of label {name} is not a valid quoted string");
            labels.Add(new(name, value.ToString()));
            SkipSpace(text, ref p);
            if (p < text.Length && text[p] == ',') p++;
            else if (p >= text.Length || text[p] != '}') return Fail(out error, $"expected ',' or '}}' after label {name}");
        }
        p++;
        SkipSpace(text, ref p);
        return p == text.Length || Fail(out error, "unexpected text after '}'");
    }

    /// <summary>Reads up to and including the closing quote.</summary>
    static bool TryReadQuoted(ReadOnlySpan<char> text, ref int p, StringBuilder value)
    {
        while (p < text.Length)
        {
            var c = text[p++];
            if (c == '"') return true;
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (p >= text.Length) return false;
            var code = text[p++];
            switch (code)
            {
                case '\\' or '"' or '\'': value.Append(code); break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case 'x' when TryHex(text, ref p, 2, out var b): value.Append((char)b); break;
                case 'u' when TryHex(text, ref p, 4, out var u): value.Append((char)u); break;
                case 'U' when TryHex(text, ref p, 8, out var r) && Rune.IsValid(r): value.Append(new Rune(r).ToString()); break;
                default: return false;
            }
        }
        return false;
    }

    static bool TryHex(ReadOnlySpan<char> text, ref int p, int digits, out int value)
    {
        value = 0;
        if (p + digits > text.Length || !int.TryParse(text.Slice(p, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
            return false;
        p += digits;
        return true;
    }

    static void SkipSpace(ReadOnlySpan<char> text, ref int p)
    {
        while (p < text.Length && char.IsWhiteSpace(text[p])) p++;
    }

    static bool Fail(out string error, string message)
    {
        error = message;
        return false;
    }
}
