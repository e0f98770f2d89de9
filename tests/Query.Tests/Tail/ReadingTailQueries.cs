using Contracts.Logs;
using Query.Language;
using Query.Tail;
using static Query.Tests.Tail.TailFilters;

namespace Query.Tests.Tail;

/// <summary>A tail's query is a filter of the query language; anything a tail cannot honour is refused with its place.</summary>
public sealed class ReadingTailQueries
{
    [Fact]
    public void no_query_tails_every_line()
    {
        TailEndpoints.Filter(null).Matches(Line(level: LogLevel.Trace)).ShouldBeTrue();
        TailEndpoints.Filter("  ").Matches(Line(level: LogLevel.Trace)).ShouldBeTrue();
    }

    [Fact]
    public void a_filter_is_read_with_the_query_language()
    {
        var matcher = TailEndpoints.Filter("level>=warn AND service IN (api, checkout) AND NOT timeout");
        matcher.Matches(Line("payment failed", LogLevel.Error, "checkout")).ShouldBeTrue();
        matcher.Matches(Line("payment timeout", LogLevel.Error, "checkout")).ShouldBeFalse();
        matcher.Matches(Line("payment failed", LogLevel.Info, "checkout")).ShouldBeFalse();
        matcher.Matches(Line("payment failed", LogLevel.Error, "web")).ShouldBeFalse();
    }

    [Fact]
    public void pipe_stages_are_refused_because_a_tail_takes_a_filter_only()
    {
        var refusal = Should.Throw<QuerySyntaxException>(() => TailEndpoints.Filter("level=error | count by service"));
        refusal.Message.ShouldStartWith("a tail takes a filter only");
        refusal.Position.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void an_invalid_regex_is_refused_at_the_pattern()
    {
        var refusal = Should.Throw<QuerySyntaxException>(() => TailEndpoints.Filter("message =~ \"(unclosed\""));
        refusal.Position.ShouldBe(11);
    }
}
