using System.Text;

namespace Query.Language;

/// <summary>What a <see cref="QueryToken"/> is. Boolean keywords count only in upper case, so the lexer gives
/// <c>AND</c> its own kind while <c>and</c> stays a word.</summary>
enum QueryTokenKind
{
    Word, Quoted, LeftParen, RightParen, Pipe, Comma,
    Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual, Matches, NotMatches,
    AndKeyword, OrKeyword, NotKeyword, InKeyword, ExistsKeyword, ContainsKeyword,
    End,
}

/// <summary>
/// One token: <see cref="Text"/> is a word as written, a quoted string with its escapes resolved, or the symbol.
/// <see cref="NearKeyword"/> is the keyword an upper-case word is a typo away from (<c>AN</c> → <c>AND</c>): only the
/// parser knows whether the word stands where a keyword could, so the lexer notes it rather than refusing it.
/// </summary>
readonly record struct QueryToken(QueryTokenKind Kind, string Text, int Position, string? NearKeyword = null)
{
    public bool IsOperator => Kind is >= QueryTokenKind.Equal and <= QueryTokenKind.NotMatches;

    public bool IsKeyword => Kind is >= QueryTokenKind.AndKeyword and <= QueryTokenKind.ContainsKeyword;

    /// <summary>The token as an error message names it.</summary>
    public string Describe() => Kind switch
    {
        QueryTokenKind.End => "the end of the query",
        QueryTokenKind.Quoted => $"\"{Text}\"",
        _ => $"'{Text}'",
    };

    /// <summary>This word as a field name. Field names end up as column or attribute names in the compiled query, so
    /// they keep to a plain ASCII alphabet; a bad one is refused at its first bad character.</summary>
    public FieldRef AsField()
    {
        if (!(char.IsAsciiLetter(Text[0]) || Text[0] is '_' or '@'))
            throw QueryParser.Error($"invalid field name '{Text}'", Position, "a field name starts with a letter, '_' or '@'");
        for (var i = 1; i < Text.Length; i++)
            if (!(char.IsAsciiLetterOrDigit(Text[i]) || Text[i] is '_' or '.' or '-' or '@'))
            {
                var shown = Rune.TryGetRuneAt(Text, i, out var rune) ? rune.ToString() : Text[i].ToString();
                throw QueryParser.Error($"invalid character '{shown}' in field name '{Text}'", Position + i,
                    "a field name holds only letters, digits, '_', '.', '-' and '@'");
            }
        return new FieldRef(Text, Position);
    }

    /// <summary>This word as a whole number from 1 to <paramref name="max"/>, or null.</summary>
    public int? AsCount(int max) =>
        Kind == QueryTokenKind.Word && Text.All(char.IsAsciiDigit) && int.TryParse(Text, out var count) && count >= 1 && count <= max ? count : null;

    /// <summary>This word as a positive interval such as <c>500ms</c>, <c>30s</c>, <c>1m</c>, <c>1h</c> or <c>1d</c>, or null.
    /// Units are lower case only, so <c>1M</c> cannot be mistaken for a month.</summary>
    public TimeSpan? AsInterval()
    {
        if (Kind != QueryTokenKind.Word) return null;
        var digits = 0;
        while (digits < Text.Length && char.IsAsciiDigit(Text[digits])) digits++;
        long unit = Text[digits..] switch
        {
            "ms" => TimeSpan.TicksPerMillisecond,
            "s" => TimeSpan.TicksPerSecond,
            "m" => TimeSpan.TicksPerMinute,
            "h" => TimeSpan.TicksPerHour,
            "d" => TimeSpan.TicksPerDay,
            _ => 0,
        };
        if (unit == 0 || !long.TryParse(Text.AsSpan(0, digits), out var count) || count < 1 || count > TimeSpan.MaxValue.Ticks / unit) return null;
        return new TimeSpan(count * unit);
    }
}
