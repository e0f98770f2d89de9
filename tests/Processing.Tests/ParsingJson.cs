using Contracts.Config;
using Contracts.Logs;

namespace Processing.Tests;

public sealed class ParsingJson
{
    [Fact]
    public void flattens_a_json_message_into_dotted_attributes()
    {
        var record = Pipelines.Of(new ParseStage("json"))
            .Kept("""{"http":{"method":"GET","status":500,"latency":1.5e3},"ok":false,"tags":[ "a", {"b": 1} ],"gone":null}""");

        record.Own().ShouldBe(new Dictionary<string, string>
        {
            ["http.method"] = "GET", ["http.status"] = "500", ["http.latency"] = "1.5e3", ["ok"] = "false", ["tags"] = """["a",{"b":1}]""",
        }, ignoreOrder: true);
    }

    [Fact]
    public void keys_that_name_record_fields_set_those_fields()
    {
        var record = Pipelines.Of(new ParseStage("json"))
            .Kept("""{"level":"WARNING","message":"disk almost full","service":"api","host":"web-1","timestamp":"2024-05-01T12:00:01.5Z","traceId":"abc"}""");

        record.Level.ShouldBe(LogLevel.Warn);
        record.Message.ShouldBe("disk almost full");
        record.Service.ShouldBe("api");
        record.Host.ShouldBe("web-1");
        record.TraceId.ShouldBe("abc");
        record.TimestampNanos.ShouldBe(Pipelines.Noon + 1_500_000_000);
        record.Own().ShouldBeEmpty();
    }

    [Fact]
    public void unescapes_strings_and_drops_nul_characters()
    {
        var record = Pipelines.Of(new ParseStage("json")).Kept("""{"path":"C:\\temp\u0000\n","quote":"say \"hi\"","snow":"\u2603"}""");

        record.Attributes["path"].ShouldBe("C:\\temp\n");
        record.Attributes["quote"].ShouldBe("say \"hi\"");
        record.Attributes["snow"].ShouldBe("☃");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"unterminated": "value""")]
    [InlineData("""["an","array"]""")]
    [InlineData("""{"a":1} trailing text""")]
    [InlineData("")]
    public void leaves_a_value_that_is_not_one_json_object_as_it_is(string message)
    {
        var record = Pipelines.Of(new ParseStage("json")).Kept(message);

        record.Message.ShouldBe(message);
        record.Own().ShouldBeEmpty();
    }

    [Fact]
    public void parses_an_attribute_named_by_field_and_keeps_it()
    {
        var input = Pipelines.Record("request done", attributes: Pipelines.Attributes(("payload", """{"user":{"id":42}}""")));

        var record = Pipelines.Of(new ParseStage("json", Field: "payload")).Kept(input);

        record.Attributes["user.id"].ShouldBe("42");
        record.Attributes["payload"].ShouldBe("""{"user":{"id":42}}""");
        record.Message.ShouldBe("request done");
    }

    [Fact]
    public void a_missing_field_is_nothing_to_parse()
    {
        var record = Pipelines.Of(new ParseStage("json", Field: "payload")).Kept("""{"a":1}""");

        record.Own().ShouldBeEmpty();
    }
}
