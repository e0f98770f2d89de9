using System.Text;
using static Query.Language.QueryTokenKind;

namespace Query.Language;

/// <summary>
/// Splits query text into tokens: words, "quoted strings", <c>( ) | ,</c> and the comparison operators. A word runs
/// until whitespace or one of <c>" ( ) | , = ! &lt; &gt; ~</c>, so <c>level=error</c> needs no spaces. The lexer
/// refuses only what no grammar could read (an unclosed quote, a lone <c>!</c> or <c>~</c>); the parser decides the rest.
/// </summary>
static class QueryLexer
{
    // Longer keywords get a wider typo allowance: two edits away from CONTAINS is still clearly CONTAINS, while two
    // edits from OR is any two-letter word.
    static readonly (string Text, QueryTokenKind Kind, int MaxTypos)[] Keywords =
        [("AND", AndKeyword, 1), ("OR", OrKeyword, 1), ("NOT", NotKeyword, 1), ("IN", InKeyword, 1), ("EXISTS", ExistsKeyword, 2), ("CONTAINS", ContainsKeyword, 2)];

    public static List<QueryToken> Tokenize(string text)
    {
        var tokens = new List<QueryToken>();
        var position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
            if (position >= text.Length)
            {
                tokens.Add(new(End, "", text.Length));
                return tokens;
            }
            var start = position;
            if (text[position] == '"')
                tokens.Add(Quoted(text, ref position));
            else if (Symbol(text, position) is var (kind, length) && length > 0)
            {
                position += length;
                tokens.Add(new(kind, text.Substring(start, length), start));
            }
            else
            {
                while (position < text.Length && !EndsWord(text[position])) position++;
                tokens.Add(Word(text[start..position], start));
            }
        }
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours is one edit, as in <c>ADN</c>), or
    /// <paramref name="limit"/> + 1 as soon as it is certain to exceed the limit.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var rows = new int[3, b.Length + 1];
        for (var j = 0; j <= b.Length; j++) rows[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            int current = i % 3, previous = (i - 1) % 3, beforePrevious = (i + 1) % 3;
            rows[current, 0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(rows[previous, j] + 1, rows[current, j - 1] + 1), rows[previous, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.Min(best, rows[beforePrevious, j - 2] + 1);
                rows[current, j] = best;
            }
        }
        return Math.Min(rows[a.Length % 3, b.Length], limit + 1);
    }

    static bool EndsWord(char c) => char.IsWhiteSpace(c) || c is '"' or '(' or ')' or '|' or ',' or '=' or '!' or '<' or '>' or '~';

    static (QueryTokenKind Kind, int Length) Symbol(string text, int position)
    {
        var next = position + 1 < text.Length ? text[position + 1] : '\0';
        return text[position] switch
        {
            '(' => (LeftParen, 1),
            ')' => (RightParen, 1),
            '|' => (Pipe, 1),
            ',' => (Comma, 1),
            '=' => next == '~' ? (Matches, 2) : (Equal, 1),
            '<' => next == '=' ? (LessOrEqual, 2) : (Less, 1),
            '>' => next == '=' ? (GreaterOrEqual, 2) : (Greater, 1),
            '!' => next switch
            {
                '=' => (NotEqual, 2),
                '~' => (NotMatches, 2),
                _ => throw new QuerySyntaxException($"unexpected '!' at column {position + 1}; did you mean != or !~?", position),
            },
            '~' => throw new QuerySyntaxException($"unexpected '~' at column {position + 1}; did you mean =~ or !~?", position),
            _ => (QueryTokenKind.Word, 0),
        };
    }

    static QueryToken Word(string word, int position)
    {
        foreach (var keyword in Keywords)
            if (word == keyword.Text) return new(keyword.Kind, word, position);
        if (!word.All(char.IsAsciiLetterUpper)) return new(QueryTokenKind.Word, word, position);
        // On a tie, a keyword reached by adding or dropping letters beats one reached by changing letters:
        // OT is NOT with its first letter lost more plausibly than OR with its second one mistyped.
        string? nearest = null;
        (int Edits, int Changes) best = (int.MaxValue, 0);
        foreach (var keyword in Keywords)
        {
            var distance = Distance(word, keyword.Text, keyword.MaxTypos);
            var score = (distance, distance - Math.Abs(word.Length - keyword.Text.Length));
            if (distance <= keyword.MaxTypos && score.CompareTo(best) < 0) (nearest, best) = (keyword.Text, score);
        }
        return new(QueryTokenKind.Word, word, position, nearest);
    }

    static QueryToken Quoted(string text, ref int position)
    {
        var opening = position++;
        StringBuilder? unescaped = null; // most strings have no escapes and become one substring
        var run = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                var value = unescaped is null ? text[run..position] : unescaped.Append(text, run, position - run).ToString();
                position++;
                return new(QueryTokenKind.Quoted, value, opening);
            }
            // Only \" and \\ are escapes; any other backslash stays, so a regex like "\d+" reads as written.
            if (c == '\\' && position + 1 < text.Length && text[position + 1] is '"' or '\\')
            {
                (unescaped ??= new()).Append(text, run, position - run).Append(text[position + 1]);
                position += 2;
                run = position;
                continue;
            }
            position++;
        }
        throw new QuerySyntaxException($"unclosed quote at column {opening + 1}; end the string with \" (write \\\" for a quote inside it)", opening);
    }
}
