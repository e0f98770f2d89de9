using Ingestion.Protocols.Loki;

namespace Ingestion.Tests;

public sealed class ParsingLabelText
{
    static List<KeyValuePair<string, string>> Parse(string text)
    {
        var labels = new List<KeyValuePair<string, string>>();
        LabelText.TryParse(text, labels, out var error).ShouldBeTrue(error);
        return labels;
    }

    [Fact]
    public void reads_names_and_quoted_values()
    {
        Parse("""{app="api", env="prod",region="eu-1"}""").ShouldBe([new("app", "api"), new("env", "prod"), new("region", "eu-1")]);
    }

    [Fact]
    public void understands_escapes_inside_values()
    {
        Parse("""{path="C:\\logs\\app", quote="say \"hi\"", multi="a\nb\tc", snow="\u2603", comma="a,b}c"}""").ShouldBe([
            new("path", @"C:\logs\app"), new("quote", "say \"hi\""), new("multi", "a\nb\tc"), new("snow", "☃"), new("comma", "a,b}c")]);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("  { }  ")]
    public void reads_an_empty_label_set(string text) => Parse(text).ShouldBeEmpty();

    [Fact]
    public void tolerates_a_trailing_comma_and_spaces() => Parse("""{ a = "1" , }""").ShouldBe([new("a", "1")]);

    [Theory]
    [InlineData("app=\"api\"")]
    [InlineData("{app=api}")]
    [InlineData("{app=\"api}")]
    [InlineData("{1app=\"x\"}")]
    [InlineData("{app=\"x\" env=\"y\"}")]
    [InlineData("{app=\"bad \\q escape\"}")]
    [InlineData("{app=\"x\"} extra")]
    public void refuses_text_that_is_not_a_label_set(string text)
    {
        LabelText.TryParse(text, [], out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrEmpty();
    }
}
