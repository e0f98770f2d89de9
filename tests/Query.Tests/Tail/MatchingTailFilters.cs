using Contracts.Logs;
using Query.Language;
using static Query.Tests.Tail.TailFilters;

namespace Query.Tests.Tail;

/// <summary>A tail's filter, run in C# on each new record, means what the same filter means in a search.</summary>
public sealed class MatchingTailFilters
{
    [Fact]
    public void columns_compare_exactly_and_their_names_ignore_case()
    {
        Eq("service", "checkout").Matches(Line(service: "checkout")).ShouldBeTrue();
        Eq("SERVICE", "checkout").Matches(Line(service: "checkout")).ShouldBeTrue();
        Eq("service", "Checkout").Matches(Line(service: "checkout")).ShouldBeFalse();
        Eq("traceId", "abc").Matches(Line(traceId: "abc")).ShouldBeTrue();
        Eq("trace_id", "abc").Matches(Line(traceId: "abc")).ShouldBeTrue();
        Eq("event_id", "e-1").Matches(Line(eventId: "e-1")).ShouldBeTrue();
        Eq("source", "loki").Matches(Line(source: LogSource.Loki)).ShouldBeTrue();
        Eq("message", "payment failed").Matches(Line()).ShouldBeTrue();
    }

    [Fact]
    public void levels_are_read_in_any_spelling_and_ordered_by_severity()
    {
        Eq("level", "ERR").Matches(Line(level: LogLevel.Error)).ShouldBeTrue();
        Eq("level", "warning").Matches(Line(level: LogLevel.Warn)).ShouldBeTrue();
        Eq("level", "error").Matches(Line(level: LogLevel.Fatal)).ShouldBeFalse();
        Is("level", CompareOp.GreaterOrEqual, "warn").Matches(Line(level: LogLevel.Error)).ShouldBeTrue();
        Is("level", CompareOp.GreaterOrEqual, "warn").Matches(Line(level: LogLevel.Debug)).ShouldBeFalse();
        Is("level", CompareOp.Less, "info").Matches(Line(level: LogLevel.Trace)).ShouldBeTrue();
        OneOf("level", "err", "FATAL", "nonsense").Matches(Line(level: LogLevel.Error)).ShouldBeTrue();
        OneOf("level", "err", "FATAL").Matches(Line(level: LogLevel.Warn)).ShouldBeFalse();
    }

    [Fact]
    public void a_level_no_line_can_have_matches_nothing_but_its_inequality()
    {
        Eq("level", "loud").Matches(Line(level: LogLevel.Error)).ShouldBeFalse();
        Is("level", CompareOp.Greater, "loud").Matches(Line(level: LogLevel.Error)).ShouldBeFalse();
        Ne("level", "loud").Matches(Line(level: LogLevel.Error)).ShouldBeTrue();
    }

    [Fact]
    public void any_other_name_is_one_attribute_key_even_with_dots()
    {
        var line = Line(attributes: [("http.status", "500"), ("user_id", "u-42")]);
        Eq("http.status", "500").Matches(line).ShouldBeTrue();
        Eq("user_id", "u-42").Matches(line).ShouldBeTrue();
        Eq("User_Id", "u-42").Matches(line).ShouldBeFalse();
        Eq("http", "500").Matches(line).ShouldBeFalse();
    }

    [Fact]
    public void a_missing_field_fails_every_comparison_and_not_inverts_that()
    {
        var line = Line(service: null);
        foreach (var comparison in new Expr[]
                 {
                     Eq("service", "x"), Ne("service", "x"), Is("service", CompareOp.Less, "zzz"), Has("service", ""),
                     Like("service", ".*"), Unlike("service", "x"), OneOf("service", "x"), Present("service"), Ne("missing_attr", "x"),
                 })
        {
            comparison.Matches(line).ShouldBeFalse(comparison.ToString());
            Not(comparison).Matches(line).ShouldBeTrue(comparison.ToString());
        }
    }

    [Fact]
    public void orderings_are_numeric_for_an_unquoted_number_and_textual_otherwise()
    {
        var line = Line(attributes: [("duration_ms", "900"), ("code", "abc"), ("ratio", "1e3")]);
        Is("duration_ms", CompareOp.Greater, "1000").Matches(line).ShouldBeFalse();
        Is("duration_ms", CompareOp.Greater, "1000", quoted: true).Matches(line).ShouldBeTrue(); // "900" > "1000" as text
        Is("duration_ms", CompareOp.LessOrEqual, "900.0").Matches(line).ShouldBeTrue();
        Is("ratio", CompareOp.GreaterOrEqual, "1000").Matches(line).ShouldBeTrue();
        Is("code", CompareOp.Greater, "5").Matches(line).ShouldBeFalse(); // not a number: no numeric order holds
        Is("code", CompareOp.Greater, "abb", quoted: true).Matches(line).ShouldBeTrue();
        Eq("duration_ms", "900.0").Matches(line).ShouldBeFalse(); // = is always exact
    }

    [Fact]
    public void timestamps_compare_as_times()
    {
        var line = Line(time: Noon);
        Is("timestamp", CompareOp.GreaterOrEqual, "2026-01-01T12:00:00Z").Matches(line).ShouldBeTrue();
        Is("@t", CompareOp.Less, "2026-01-01T11:59:59Z").Matches(line).ShouldBeFalse();
        Present("timestamp").Matches(line).ShouldBeTrue();
        Should.Throw<QuerySyntaxException>(() => Matcher(Is("timestamp", CompareOp.Greater, "yesterday")));
    }

    [Fact]
    public void contains_finds_a_substring_in_any_case()
    {
        Has("message", "MENT FAIL").Matches(Line(message: "payment failed")).ShouldBeTrue();
        Has("message", "refund").Matches(Line(message: "payment failed")).ShouldBeFalse();
        Has("level", "RR").Matches(Line(level: LogLevel.Error)).ShouldBeTrue();
    }

    [Fact]
    public void regexes_match_anywhere_in_the_field_and_negated_ones_hold_where_they_do_not()
    {
        var line = Line(message: "GET /orders/42 took 130ms");
        Like("message", @"/orders/\d+").Matches(line).ShouldBeTrue();
        Like("message", "^took").Matches(line).ShouldBeFalse();
        Unlike("message", "^took").Matches(line).ShouldBeTrue();
        Unlike("message", "ms$").Matches(line).ShouldBeFalse();
    }

    [Fact]
    public void a_pattern_a_tail_cannot_run_is_refused_with_its_position()
    {
        var broken = new RegexMatch(new FieldRef("message", 0), new Literal("(unclosed", true, 11), false, 0);
        Should.Throw<QuerySyntaxException>(() => Matcher(broken)).Position.ShouldBe(11);
        Should.Throw<QuerySyntaxException>(() => Matcher(Like("message", @"(a)\1"))); // backreferences: RE2 has none either
    }

    [Fact]
    public void in_holds_when_any_value_is_equal_and_exists_when_the_field_is_there()
    {
        OneOf("service", "api", "checkout").Matches(Line(service: "checkout")).ShouldBeTrue();
        OneOf("service", "api", "web").Matches(Line(service: "checkout")).ShouldBeFalse();
        Present("host").Matches(Line(host: "h1")).ShouldBeTrue();
        Present("host").Matches(Line(host: null)).ShouldBeFalse();
        Present("message").Matches(Line(message: "")).ShouldBeTrue();
    }

    [Fact]
    public void and_or_not_and_match_all_combine_as_boolean_logic()
    {
        var line = Line(level: LogLevel.Error, service: "checkout");
        Both(Eq("level", "error"), Eq("service", "checkout")).Matches(line).ShouldBeTrue();
        Both(Eq("level", "error"), Eq("service", "api")).Matches(line).ShouldBeFalse();
        Either(Eq("level", "info"), Eq("service", "checkout")).Matches(line).ShouldBeTrue();
        Not(Either(Eq("level", "info"), Eq("service", "api"))).Matches(line).ShouldBeTrue();
        new MatchAll().Matches(line).ShouldBeTrue();
    }

    [Fact]
    public void text_matches_whole_words_of_the_message_only()
    {
        Word("TIMEOUT").Matches(Line(message: "upstream timeout.")).ShouldBeTrue();
        Word("timeout").Matches(Line(message: "timeouts")).ShouldBeFalse();
        Word("connection refused").Matches(Line(message: "Connection Refused by peer")).ShouldBeTrue();
        Word("checkout").Matches(Line(message: "payment failed", service: "checkout")).ShouldBeFalse();
    }
}
