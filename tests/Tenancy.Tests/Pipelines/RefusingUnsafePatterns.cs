using System.Diagnostics;
using Tenancy.Pipelines;

namespace Tenancy.Tests.Pipelines;

public sealed class RefusingUnsafePatterns
{
    [Fact]
    public void refuses_a_pattern_that_backtracks_catastrophically_on_the_classic_sample()
    {
        var elapsed = Stopwatch.StartNew();

        var problem = RegexSafety.ProblemWith("(a+)+$");

        problem.ShouldNotBeNull().ShouldContain("backtracks catastrophically");
        // One timed-out sample is enough: the check stops there instead of spending the timeout on every sample.
        elapsed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(@"(\d+)+$")]
    [InlineData(@"^(a|aa)+$")]
    [InlineData(@"(x+x+)+y")]
    [InlineData(@"^(\w+\s?)*$")]
    [InlineData(@"(\s*)+!x")]
    public void refuses_other_nested_quantifiers(string pattern)
    {
        RegexSafety.ProblemWith(pattern).ShouldNotBeNull().ShouldContain("backtracks catastrophically");
    }

    [Theory]
    [InlineData(@"^(?<time>\S+) (?<level>\w+) (?<message>.*)$")]
    [InlineData(@"\b\d{3}-\d{2}-\d{4}\b")]
    [InlineData(@"password=\S+")]
    [InlineData(@"^healthcheck$")]
    public void accepts_ordinary_patterns(string pattern)
    {
        RegexSafety.ProblemWith(pattern).ShouldBeNull();
    }

    [Fact]
    public void says_why_a_pattern_does_not_compile()
    {
        RegexSafety.ProblemWith("(unclosed").ShouldNotBeNull().ShouldContain("not a valid regular expression");
    }

    [Fact]
    public void refuses_an_overlong_pattern()
    {
        RegexSafety.ProblemWith(new string('a', RegexSafety.MaxPatternLength + 1)).ShouldNotBeNull().ShouldContain("at most");
    }

    [Theory]
    [InlineData(@"(?<level>\w+)", true)]
    [InlineData(@"(\w+) (\d+)", false)]
    [InlineData(@"(?<5>\w+)", false)]
    public void only_named_groups_count_as_named(string pattern, bool named)
    {
        RegexSafety.HasNamedGroup(pattern).ShouldBe(named);
    }

    [Theory]
    [InlineData("a*", true)]
    [InlineData("secret-\\d+", false)]
    public void knows_a_pattern_that_matches_the_empty_string(string pattern, bool matchesEmpty)
    {
        RegexSafety.MatchesEmpty(pattern).ShouldBe(matchesEmpty);
    }
}
