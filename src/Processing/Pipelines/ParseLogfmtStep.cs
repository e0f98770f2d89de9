using System.Buffers;

namespace Processing.Pipelines;

/// <summary>
/// parse(logfmt): <c>key=value</c> pairs separated by spaces; a value may be double-quoted, with <c>\"</c>, <c>\\</c>,
/// <c>\n</c>, <c>\r</c> and <c>\t</c> escapes (any other backslash is kept). A bare key is a flag and gets the value
/// "true", as logfmt defines. Keys naming well-known fields set them (see <see cref="RecordField"/>). Text without a
/// single <c>key=value</c> pair is not logfmt and leaves the record as it is, so plain lines gain no junk attributes.
/// </summary>
sealed class ParseLogfmtStep(string name, RecordField source) : PipelineStep(name)
{
    readonly KeyPool _keys = new();

    // A level key may be among the pairs.
    public override bool MaySetLevel => true;

    public override string? Apply(RecordDraft draft)
    {
        if (source.Get(draft) is not { } text) return null;
        var parsed = draft.Parsed;
        parsed.Clear();
        var pairs = 0;
        var p = 0;
        while (p < text.Length)
        {
            if (IsSpace(text[p]))
            {
                p++;
                continue;
            }
            var keyStart = p;
            while (p < text.Length && !IsSpace(text[p]) && text[p] != '=') p++;
            var key = text.AsSpan(keyStart, p - keyStart);
            if (p == text.Length || text[p] != '=')
            {
                parsed.Add(new(_keys.Get(key), "true"));
                continue;
            }
            p++; // '='
            var value = p < text.Length && text[p] == '"' ? Quoted(text, ref p) : Bare(text, ref p);
            if (key.IsEmpty) continue; // "=value" has no name to keep it under
            parsed.Add(new(_keys.Get(key), value));
            pairs++;
        }
        if (pairs > 0)
            foreach (var (key, value) in parsed) RecordField.For(key).Set(draft, value);
        parsed.Clear();
        return null;
    }

    static string Bare(string text, ref int p)
    {
        var start = p;
        while (p < text.Length && !IsSpace(text[p])) p++;
        return text[start..p];
    }

    /// <summary>From the opening quote to the closing one (or the end of the text, for an unterminated value).</summary>
    static string Quoted(string text, ref int p)
    {
        var start = ++p;
        var escaped = false;
        while (p < text.Length && text[p] != '"')
        {
            if (text[p] == '\\' && p + 1 < text.Length)
            {
                escaped = true;
                p++;
            }
            p++;
        }
        var raw = text.AsSpan(start, p - start);
        if (p < text.Length) p++; // the closing quote
        return escaped ? Unescape(raw) : raw.ToString();
    }

    static string Unescape(ReadOnlySpan<char> raw)
    {
        var rented = ArrayPool<char>.Shared.Rent(raw.Length);
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\' || i + 1 == raw.Length)
            {
                rented[length++] = raw[i];
                continue;
            }
            var next = raw[++i];
            switch (next)
            {
                case '"' or '\\': rented[length++] = next; break;
                case 'n': rented[length++] = '\n'; break;
                case 'r': rented[length++] = '\r'; break;
                case 't': rented[length++] = '\t'; break;
                default:
                    rented[length++] = '\\';
                    rented[length++] = next;
                    break;
            }
        }
        var value = new string(rented, 0, length);
        ArrayPool<char>.Shared.Return(rented);
        return value;
    }

    static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
