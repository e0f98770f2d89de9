using Query.Language;
using static Query.Tests.Language.Trees;

namespace Query.Tests.Language;

/// <summary>Each kind of filter term becomes its own node, with the position of its first character.</summary>
public sealed class ReadingFilterTerms
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void an_empty_query_matches_every_line_and_has_no_stages(string? query)
    {
        var ast = QueryParser.Parse(query);

        ast.Filter.ShouldBe(new MatchAll());
        ast.Stages.ShouldBeEmpty();
    }

    [Fact]
    public void a_bare_word_is_a_text_match_at_its_position() =>
        FilterOf("  timeout").ShouldBe(Text("timeout", 2));

    [Fact]
    public void a_quoted_phrase_is_one_text_match_positioned_at_its_opening_quote() =>
        FilterOf(""" "connection refused" """).ShouldBe(Text("connection refused", 1));

    [Fact]
    public void words_side_by_side_must_all_match() =>
        FilterOf("connection refused").ShouldBe(new And(Text("connection", 0), Text("refused", 11), 0));

    [Fact]
    public void lower_case_keywords_are_ordinary_words() =>
        FilterOf("could not connect").ShouldBe(new And(new And(Text("could", 0), Text("not", 6), 0), Text("connect", 10), 0));

    [Fact]
    public void an_upper_case_word_far_from_every_keyword_is_text() =>
        Conjuncts(FilterOf("ERROR WARN NULL HTTP GET POST")).ShouldBe(
            [Text("ERROR", 0), Text("WARN", 6), Text("NULL", 11), Text("HTTP", 16), Text("GET", 21), Text("POST", 25)]);

    [Fact]
    public void keywords_in_quotes_are_phrases() =>
        Conjuncts(FilterOf(""" "AND" "OR" "NOT" "AN" """)).ShouldBe([Text("AND", 1), Text("OR", 7), Text("NOT", 12), Text("AN", 18)]);

    [Theory]
    [InlineData("level=error", CompareOp.Equal, 6)]
    [InlineData("level = error", CompareOp.Equal, 8)]
    [InlineData("level!=error", CompareOp.NotEqual, 7)]
    [InlineData("level >error", CompareOp.Greater, 7)]
    [InlineData("level>= error", CompareOp.GreaterOrEqual, 8)]
    [InlineData("level<error", CompareOp.Less, 6)]
    [InlineData("level <= error", CompareOp.LessOrEqual, 9)]
    public void a_field_then_an_operator_then_a_value_is_a_comparison_with_or_without_spaces(string query, CompareOp op, int valueAt) =>
        FilterOf(query).ShouldBe(new Compare(Field("level", 0), op, Bare("error", valueAt), 0));

    [Theory]
    [InlineData("status=500", "500")]
    [InlineData("latency>-1.5", "-1.5")]
    [InlineData("bytes<=2e3", "2e3")]
    [InlineData("since>=2026-11-21T10:00:00Z", "2026-11-21T10:00:00Z")]
    public void an_unquoted_value_keeps_its_raw_text_for_the_compiler_to_read(string query, string value) =>
        ((Compare)FilterOf(query)).Value.ShouldBe(Bare(value, query.IndexOf(value, StringComparison.Ordinal)));

    [Fact]
    public void a_quoted_value_is_marked_quoted_and_may_be_empty()
    {
        FilterOf("""service="" """).ShouldBe(new Compare(Field("service", 0), CompareOp.Equal, Quoted("", 8), 0));
        FilterOf("""status="500" """).ShouldBe(new Compare(Field("status", 0), CompareOp.Equal, Quoted("500", 7), 0));
    }

    [Fact]
    public void quotes_and_backslashes_escape_inside_quotes_and_every_other_backslash_stays() =>
        FilterOf("""message="said \"hi\" to C:\\dir\new" """).ShouldBe(
            new Compare(Field("message", 0), CompareOp.Equal, Quoted("""said "hi" to C:\dir\new""", 8), 0));

    [Fact]
    public void contains_takes_a_field_and_a_quoted_or_bare_value()
    {
        FilterOf("""message CONTAINS "time out" """).ShouldBe(new Contains(Field("message", 0), Quoted("time out", 17), 0));
        FilterOf("host CONTAINS web").ShouldBe(new Contains(Field("host", 0), Bare("web", 14), 0));
    }

    [Fact]
    public void a_regex_keeps_its_backslashes_and_can_be_negated()
    {
        FilterOf("""path =~ "^/api/v\d+/" """).ShouldBe(new RegexMatch(Field("path", 0), Quoted(@"^/api/v\d+/", 8), false, 0));
        FilterOf("""path!~"\.(css|js)$" """).ShouldBe(new RegexMatch(Field("path", 0), Quoted(@"\.(css|js)$", 6), true, 0));
    }

    [Fact]
    public void in_takes_a_parenthesised_list_of_values() =>
        FilterOf("""host IN (web-1, "web 2",3)""").ShouldBeTree(
            new In(Field("host", 0), [Bare("web-1", 9), Quoted("web 2", 16), Bare("3", 24)], 0));

    [Fact]
    public void exists_takes_a_field_and_is_positioned_at_the_keyword()
    {
        FilterOf("EXISTS trace_id").ShouldBe(new Exists(Field("trace_id", 7), 0));
        FilterOf("NOT EXISTS trace_id").ShouldBe(new Not(new Exists(Field("trace_id", 11), 4), 0));
    }

    [Theory]
    [InlineData("http.status")]
    [InlineData("k8s.pod-name")]
    [InlineData("@t")]
    [InlineData("_private")]
    [InlineData("Trace_ID2")]
    public void field_names_may_hold_dots_dashes_underscores_and_at_signs_and_keep_their_case(string name) =>
        FilterOf(name + "=1").ShouldBe(new Compare(Field(name, 0), CompareOp.Equal, Bare("1", name.Length + 1), 0));

    [Fact]
    public void the_example_from_the_seeds_reads_as_a_comparison_and_a_substring_match()
    {
        var ast = QueryParser.Parse("""level=ERROR AND message CONTAINS "timeout" | count by service""");

        ast.Filter.ShouldBe(new And(
            new Compare(Field("level", 0), CompareOp.Equal, Bare("ERROR", 6), 0),
            new Contains(Field("message", 16), Quoted("timeout", 33), 16),
            0));
        ast.Stages.ShouldBeTree(new Stage[] { new CountStage([Field("service", 54)], 45) });
    }

    [Fact]
    public void comparisons_and_words_mix_freely() =>
        Conjuncts(FilterOf("level=error service=api timeout")).ShouldBe([
            new Compare(Field("level", 0), CompareOp.Equal, Bare("error", 6), 0),
            new Compare(Field("service", 12), CompareOp.Equal, Bare("api", 20), 12),
            Text("timeout", 24),
        ]);
}
