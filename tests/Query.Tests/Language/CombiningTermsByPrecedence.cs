using Query.Language;
using static Query.Tests.Language.Trees;

namespace Query.Tests.Language;

/// <summary>NOT binds tightest, then AND (written or implied by a space), then OR; each is left-associative and
/// parentheses group. A combination is positioned where its first operand starts, parenthesis included.</summary>
public sealed class CombiningTermsByPrecedence
{
    [Fact]
    public void or_binds_looser_than_an_implied_and() =>
        FilterOf("a OR b c").ShouldBe(new Or(Text("a", 0), new And(Text("b", 5), Text("c", 7), 5), 0));

    [Fact]
    public void or_binds_looser_than_a_written_and() =>
        FilterOf("a AND b OR c AND d").ShouldBe(new Or(
            new And(Text("a", 0), Text("b", 6), 0),
            new And(Text("c", 11), Text("d", 17), 11),
            0));

    [Fact]
    public void not_applies_to_the_next_term_only() =>
        FilterOf("NOT a b").ShouldBe(new And(new Not(Text("a", 4), 0), Text("b", 6), 0));

    [Fact]
    public void not_after_a_term_negates_what_follows() =>
        FilterOf("a NOT b").ShouldBe(new And(Text("a", 0), new Not(Text("b", 6), 2), 0));

    [Fact]
    public void parentheses_group_an_or_under_an_and() =>
        FilterOf("(a OR b) c").ShouldBe(new And(new Or(Text("a", 1), Text("b", 6), 1), Text("c", 9), 0));

    [Fact]
    public void not_applies_to_a_whole_group() =>
        FilterOf("NOT (level=debug OR level=trace)").ShouldBe(new Not(new Or(
            new Compare(Field("level", 5), CompareOp.Equal, Bare("debug", 11), 5),
            new Compare(Field("level", 20), CompareOp.Equal, Bare("trace", 26), 20),
            5), 0));

    [Fact]
    public void a_chain_of_ands_leans_left() =>
        FilterOf("a b AND c").ShouldBe(new And(new And(Text("a", 0), Text("b", 2), 0), Text("c", 8), 0));

    [Fact]
    public void a_chain_of_ors_leans_left() =>
        FilterOf("a OR b OR c").ShouldBe(new Or(new Or(Text("a", 0), Text("b", 5), 0), Text("c", 10), 0));

    [Fact]
    public void not_can_be_repeated() =>
        FilterOf("NOT NOT a").ShouldBe(new Not(new Not(Text("a", 8), 4), 0));

    [Fact]
    public void redundant_parentheses_leave_the_inner_term_as_it_is() =>
        FilterOf("((timeout))").ShouldBe(Text("timeout", 2));

    [Fact]
    public void a_keyword_spelled_in_lower_case_does_not_combine() =>
        FilterOf("a or b").ShouldBe(new And(new And(Text("a", 0), Text("or", 2), 0), Text("b", 5), 0));

    [Fact]
    public void a_group_may_nest_a_hundred_levels_deep()
    {
        var query = new string('(', 100) + "a" + new string(')', 100);

        FilterOf(query).ShouldBe(Text("a", 100));
    }

    [Theory]
    [InlineData("(", 101)]
    [InlineData("NOT ", 101)]
    [InlineData("(", 100_000)]
    public void nesting_beyond_a_hundred_levels_is_refused_instead_of_exhausting_the_stack(string opener, int times)
    {
        var refusal = Refusal(string.Concat(Enumerable.Repeat(opener, times)) + "a");

        refusal.Position.ShouldBe(100 * opener.Length);
        refusal.Message.ShouldStartWith($"the query nests too deeply at column {100 * opener.Length + 1}");
    }
}
