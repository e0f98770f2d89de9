using Contracts.Config;
using Contracts.Logs;

namespace Processing.Tests;

public sealed class ParsingLogfmt
{
    [Fact]
    public void reads_bare_and_quoted_values()
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept("""at=info method=GET path="/a b" status=200 duration=1.2ms""");

        record.Own().ShouldBe(new Dictionary<string, string>
        {
            ["at"] = "info", ["method"] = "GET", ["path"] = "/a b", ["status"] = "200", ["duration"] = "1.2ms",
        }, ignoreOrder: true);
    }

    [Fact]
    public void unescapes_quotes_backslashes_and_control_characters_in_quoted_values()
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept("""msg="say \"hi\"\tnow\\then\nend" odd="a\qb" """);

        record.Attributes["msg"].ShouldBe("say \"hi\"\tnow\\then\nend");
        record.Attributes["odd"].ShouldBe("a\\qb");
    }

    [Fact]
    public void a_bare_key_is_a_true_flag_and_an_empty_value_is_kept_empty()
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept("retry debug=  user= end=\"unterminated value");

        record.Attributes["retry"].ShouldBe("true");
        record.Attributes["debug"].ShouldBe("");
        record.Attributes["user"].ShouldBe("");
        record.Attributes["end"].ShouldBe("unterminated value");
    }

    [Fact]
    public void keys_that_name_record_fields_set_those_fields()
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept("""level=error message="upstream timed out" service=checkout timestamp=1714564801""");

        record.Level.ShouldBe(LogLevel.Error);
        record.Message.ShouldBe("upstream timed out");
        record.Service.ShouldBe("checkout");
        record.TimestampNanos.ShouldBe(Pipelines.Noon + 1_000_000_000);
    }

    [Fact]
    public void text_without_a_single_pair_is_not_logfmt()
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept("Connection closed by 10.1.2.3 [preauth]");

        record.Own().ShouldBeEmpty();
        record.Message.ShouldBe("Connection closed by 10.1.2.3 [preauth]");
    }
}
