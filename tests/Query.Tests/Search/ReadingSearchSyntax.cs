using Query.Search;

namespace Query.Tests.Search;

/// <summary>The search box syntax: words, phrases and field=value terms become a conjunction; anything else is refused with its position.</summary>
public sealed class ReadingSearchSyntax
{
    static FieldMatch[] FieldsOf(string query) => [.. SearchFilterParser.Parse(query).Fields];
    static string[] TextsOf(string query) => [.. SearchFilterParser.Parse(query).Texts];

    static SearchSyntaxException Refusal(string query) => Should.Throw<SearchSyntaxException>(() => SearchFilterParser.Parse(query));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("AND")]
    [InlineData(" AND  AND ")]
    public void an_empty_query_asks_for_nothing(string? query)
    {
        var filter = SearchFilterParser.Parse(query);

        filter.Fields.ShouldBeEmpty();
        filter.Texts.ShouldBeEmpty();
    }

    [Fact]
    public void bare_words_become_text_matches_in_their_order() =>
        TextsOf("connection refused timeout").ShouldBe(["connection", "refused", "timeout"]);

    [Fact]
    public void a_field_with_a_bare_value_becomes_a_field_match() =>
        FieldsOf("level=error service=api-gateway").ShouldBe([new("level", "error"), new("service", "api-gateway")]);

    [Fact]
    public void a_quoted_value_keeps_its_spaces_and_unescapes_quotes_and_backslashes()
    {
        var filter = SearchFilterParser.Parse("""message="said \"hi\" to C:\\dir" host=web-1""");

        filter.Fields.ShouldBe([new("message", """said "hi" to C:\dir"""), new("host", "web-1")]);
        filter.Texts.ShouldBeEmpty();
    }

    [Fact]
    public void a_backslash_before_any_other_character_stays_as_it_is() =>
        TextsOf("""  "C:\temp\new"  """).ShouldBe([@"C:\temp\new"]);

    [Fact]
    public void a_quoted_phrase_is_one_text_match_even_when_it_spells_an_operator() =>
        TextsOf("""timeout "connection refused" "OR" "AND" "NOT" """).ShouldBe(["timeout", "connection refused", "OR", "AND", "NOT"]);

    [Fact]
    public void a_capitalised_and_between_terms_is_ignored_but_a_lowercase_one_is_a_word()
    {
        var filter = SearchFilterParser.Parse("level=error AND timeout AND \"db down\" rock and roll");

        filter.Fields.ShouldBe([new("level", "error")]);
        filter.Texts.ShouldBe(["timeout", "db down", "rock", "and", "roll"]);
    }

    [Theory]
    [InlineData("level=error   timeout")]
    [InlineData("  level=error\ttimeout  ")]
    [InlineData("\nlevel=error\r\ntimeout\n")]
    [InlineData("level=error\u00A0timeout")]
    [InlineData("level=error\u3000timeout")]
    public void any_run_of_whitespace_separates_terms(string query)
    {
        var filter = SearchFilterParser.Parse(query);

        filter.Fields.ShouldBe([new("level", "error")]);
        filter.Texts.ShouldBe(["timeout"]);
    }

    [Theory]
    [InlineData("\"abc", 0)]
    [InlineData("level=error \"never closed", 12)]
    [InlineData("message=\"a \\\"b", 8)]
    [InlineData("\"ends in an escaped quote\\\"", 0)]
    [InlineData("🦆 \"x", 3)]
    public void an_unclosed_quote_is_refused_at_the_opening_quote(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("never closed");
        refusal.Message.ShouldContain($"column {position + 1}");
    }

    [Theory]
    [InlineData("=value", 0)]
    [InlineData("timeout =value", 8)]
    [InlineData("=\"quoted\"", 0)]
    public void an_equals_sign_without_a_field_name_is_refused_where_the_name_should_be(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("field name is missing");
    }

    [Theory]
    [InlineData("level=", 6)]
    [InlineData("level= error", 6)]
    [InlineData("timeout service=", 16)]
    public void a_field_without_a_value_is_refused_where_the_value_should_be(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("value is missing");
    }

    [Theory]
    [InlineData("a\"b", 1)]
    [InlineData("timeout say\"hi\"", 11)]
    public void a_quote_inside_a_word_is_refused_at_the_quote(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("quote must start");
    }

    [Theory]
    [InlineData("timeout OR refused", 8)]
    [InlineData("NOT timeout", 0)]
    [InlineData("timeout | refused", 8)]
    [InlineData("timeout |refused", 8)]
    [InlineData("(timeout refused)", 0)]
    [InlineData("level=error (a", 12)]
    [InlineData("x' OR 1=1 --", 3)]
    public void an_operator_search_does_not_support_yet_is_refused_at_its_word(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("not supported");
    }

    // A "not equal" must not be read as an equality on a field whose name ends in '!': that would silently search
    // for something else (an attribute called "level!") instead of telling the user the operator is unsupported.
    [Theory]
    [InlineData("level!=error", 0)]
    [InlineData("timeout service!=\"api\"", 8)]
    public void a_not_equal_comparison_is_refused_at_its_word(string query, int position)
    {
        var refusal = Refusal(query);

        refusal.Position.ShouldBe(position);
        refusal.Message.ShouldContain("not supported");
    }

    [Fact]
    public void sql_looking_words_are_just_words_to_search_for() =>
        TextsOf("'; DROP TABLE x; -- SELECT * FROM logs UNION /* */ $1 {{p0}} \\").ShouldBe(
            ["';", "DROP", "TABLE", "x;", "--", "SELECT", "*", "FROM", "logs", "UNION", "/*", "*/", "$1", "{{p0}}", "\\"]);

    [Fact]
    public void sql_looking_values_and_phrases_arrive_verbatim()
    {
        var filter = SearchFilterParser.Parse(
            """message="'; DROP TABLE x; --" service=api';DELETE 'x'='x' "\" OR \"1\"=\"1" {{p1}}=$2""");

        filter.Fields.ShouldBe([
            new("message", "'; DROP TABLE x; --"), new("service", "api';DELETE"), new("'x'", "'x'"), new("{{p1}}", "$2")]);
        filter.Texts.ShouldBe(["\" OR \"1\"=\"1"]);
    }

    [Fact]
    public void unicode_and_emoji_are_kept_as_they_were_typed()
    {
        var filter = SearchFilterParser.Parse("Grüße 日本語 🦆 host=⚠️-server \"naïve café 🦆\" user.名前=ß");

        filter.Texts.ShouldBe(["Grüße", "日本語", "🦆", "naïve café 🦆"]);
        filter.Fields.ShouldBe([new("host", "⚠️-server"), new("user.名前", "ß")]);
    }
}
