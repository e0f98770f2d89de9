using Query.Language;
using static Query.Language.QueryTokenKind;

namespace Query.Tests.Language;

/// <summary>The lexer cuts words at whitespace and at the characters that make up operators, so operators need no
/// spaces; boolean keywords count only in upper case, and an upper-case near miss carries the keyword it resembles.</summary>
public sealed class SplittingQueryText
{
    static QueryTokenKind[] KindsOf(string query) => [.. QueryLexer.Tokenize(query).Select(token => token.Kind)];

    [Fact]
    public void operators_are_cut_out_of_words_with_or_without_spaces() =>
        KindsOf("""a>=1 b<=2 c!=3 d=~"x" e!~"y" f<g>h i = j""").ShouldBe([
            Word, GreaterOrEqual, Word, Word, LessOrEqual, Word, Word, NotEqual, Word, Word, Matches, Quoted, Word, NotMatches, Quoted,
            Word, Less, Word, Greater, Word, Word, Equal, Word, End,
        ]);

    [Fact]
    public void parentheses_pipes_and_commas_are_tokens_of_their_own() =>
        KindsOf("(a,b)|c").ShouldBe([LeftParen, Word, Comma, Word, RightParen, Pipe, Word, End]);

    [Fact]
    public void keywords_count_only_in_upper_case() =>
        KindsOf("AND and OR or NOT Not IN in EXISTS exists CONTAINS contains").ShouldBe([
            AndKeyword, Word, OrKeyword, Word, NotKeyword, Word, InKeyword, Word, ExistsKeyword, Word, ContainsKeyword, Word, End,
        ]);

    [Theory]
    [InlineData("AN", "AND")]
    [InlineData("ADN", "AND")]
    [InlineData("OT", "NOT")]
    [InlineData("NOTT", "NOT")]
    [InlineData("ORR", "OR")]
    [InlineData("CONTAIN", "CONTAINS")]
    [InlineData("CONTANS", "CONTAINS")]
    [InlineData("EXIST", "EXISTS")]
    [InlineData("ERROR", null)]
    [InlineData("SELECT", null)]
    [InlineData("UNION", null)]
    [InlineData("an", null)]
    [InlineData("A1", null)]
    public void an_upper_case_word_a_typo_away_from_a_keyword_notes_the_keyword(string word, string? keyword) =>
        QueryLexer.Tokenize(word)[0].NearKeyword.ShouldBe(keyword);

    [Fact]
    public void every_kind_of_whitespace_separates_and_the_end_is_positioned_after_the_last_character()
    {
        var tokens = QueryLexer.Tokenize("a\tb\r\nc\u00A0d ");

        tokens.Select(token => token.Text).ShouldBe(["a", "b", "c", "d", ""]);
        tokens.Select(token => token.Position).ShouldBe([0, 2, 5, 7, 9]);
    }

    [Fact]
    public void a_quoted_string_is_positioned_at_its_opening_quote_and_unescaped() =>
        QueryLexer.Tokenize("""x "a\"b\\c\d" """)[1].ShouldBe(new QueryToken(Quoted, """a"b\c\d""", 2));
}
