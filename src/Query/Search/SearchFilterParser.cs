using System.Text;

namespace Query.Search;

/// <summary>
/// Reads the search syntax: terms separated by spaces, each either <c>field=value</c>, <c>field="quoted value"</c>,
/// a bare word, or a <c>"quoted phrase"</c>; an optional <c>AND</c> between terms. Inside quotes, <c>\"</c> and
/// <c>\\</c> escape. Anything else is refused with its column, so nothing is silently ignored.
/// </summary>
public static class SearchFilterParser
{
    public static SearchFilter Parse(string? text)
    {
        var fields = new List<FieldMatch>();
        var texts = new List<string>();
        var position = 0;
        text ??= "";
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position >= text.Length) break;
            var start = position;
            if (text[position] == '"')
            {
                var phrase = Quoted(text, ref position);
                if (phrase.Length == 0) throw new SearchSyntaxException("an empty phrase would match every line", start);
                texts.Add(phrase);
                continue;
            }
            while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('=' or '"')) position++;
            var word = text[start..position];
            if (word.EndsWith('!') && position < text.Length && text[position] == '=')
                throw new SearchSyntaxException($"'{word}=': '!=' is not supported by search yet (only field=value)", start);
            if (position < text.Length && text[position] == '=')
            {
                if (word.Length == 0) throw new SearchSyntaxException("a field name is missing before '='", start);
                position++;
                var value = position < text.Length && text[position] == '"' ? Quoted(text, ref position) : Bare(text, ref position);
                fields.Add(new FieldMatch(word, value));
                continue;
            }
            if (position < text.Length && text[position] == '"')
                throw new SearchSyntaxException("a quote must start a phrase or a value; put a space before it", position);
            if (word is "AND") continue;
            if (word is "OR" or "NOT" or "|" || word.StartsWith('(') || word.StartsWith('|'))
                throw new SearchSyntaxException($"'{word}' is not supported by search yet: combine terms with spaces or AND", start);
            texts.Add(word);
        }
        return new SearchFilter(fields, texts);
    }

    static string Bare(string text, ref int position)
    {
        var start = position;
        while (position < text.Length && !char.IsWhiteSpace(text[position]))
            if (text[position++] == '"') throw new SearchSyntaxException("a quote inside a value: quote the whole value", position - 1);
        if (position == start) throw new SearchSyntaxException("a value is missing after '='", start);
        return text[start..position];
    }

    static string Quoted(string text, ref int position)
    {
        var opening = position++;
        var value = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position++];
            if (c == '"')
            {
                if (position < text.Length && !char.IsWhiteSpace(text[position]))
                    throw new SearchSyntaxException("put a space after the closing quote", position);
                return value.ToString();
            }
            if (c == '\\' && position < text.Length && text[position] is '"' or '\\') c = text[position++];
            value.Append(c);
        }
        throw new SearchSyntaxException("this quote is never closed", opening);
    }
}

/// <summary>A search that cannot be read; <see cref="Position"/> is zero-based, the message names the one-based column.</summary>
public sealed class SearchSyntaxException(string problem, int position) : Exception($"{problem} (at column {position + 1})")
{
    public int Position { get; } = position;
}
