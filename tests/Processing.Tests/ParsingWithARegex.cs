using Contracts.Config;
using Contracts.Logs;

namespace Processing.Tests;

public sealed class ParsingWithARegex
{
    [Fact]
    public void named_groups_become_attributes_and_numbered_groups_do_not()
    {
        var record = Pipelines.Of(new ParseStage("regex", Pattern: @"^(GET|POST) (?<path>\S+) (?<status>\d{3})"))
            .Kept("GET /api/orders 503 in 12ms");

        record.Own().ShouldBe(new Dictionary<string, string> { ["path"] = "/api/orders", ["status"] = "503" }, ignoreOrder: true);
        record.Message.ShouldBe("GET /api/orders 503 in 12ms");
    }

    [Fact]
    public void groups_named_after_record_fields_set_them_normalised()
    {
        var pipeline = Pipelines.Of(new ParseStage("regex",
            Pattern: @"^(?<timestamp>\S+) (?<level>\w+) \[(?<service>[^@\]]+)@(?<host>[^\]]+)\] (?<message>.*)$"));

        var record = pipeline.Kept("2024-05-01T14:00:00.25+02:00 WRN [checkout@web-3] payment slow");

        record.TimestampNanos.ShouldBe(Pipelines.Noon + 250_000_000);
        record.Level.ShouldBe(LogLevel.Warn);
        record.Service.ShouldBe("checkout");
        record.Host.ShouldBe("web-3");
        record.Message.ShouldBe("payment slow");
        record.Own().ShouldBeEmpty();
    }

    [Fact]
    public void a_level_or_timestamp_it_cannot_read_is_kept_as_an_attribute_and_the_record_keeps_its_own()
    {
        var record = Pipelines.Of(new ParseStage("regex", Pattern: @"^\[(?<timestamp>[^\]]+)\] \[(?<level>\w+)\]"))
            .Kept(Pipelines.Record("[Sun Dec 04 04:47:44 2005] [loud] boom", LogLevel.Error));

        record.Attributes["timestamp"].ShouldBe("Sun Dec 04 04:47:44 2005");
        record.Attributes["level"].ShouldBe("loud");
        record.TimestampNanos.ShouldBe(Pipelines.Noon);
        record.Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void groups_that_capture_nothing_set_nothing()
    {
        var record = Pipelines.Of(new ParseStage("regex", Pattern: @"^(?<user>\w*):(?<service>\w*)(?<rest>x)?"))
            .Kept(Pipelines.Record(":", service: "kept"));

        record.Own().ShouldBeEmpty();
        record.Service.ShouldBe("kept");
    }

    [Fact]
    public void a_line_that_does_not_match_passes_unchanged()
    {
        var record = Pipelines.Of(new ParseStage("regex", Pattern: @"^(?<level>[A-Z]+) ")).Kept(Pipelines.Record("no level here", LogLevel.Debug));

        record.Level.ShouldBe(LogLevel.Debug);
        record.Own().ShouldBeEmpty();
    }

    [Fact]
    public void parses_the_field_it_is_given()
    {
        var input = Pipelines.Record("request", attributes: Pipelines.Attributes(("ua", "curl/8.5.0")));

        var record = Pipelines.Of(new ParseStage("regex", Field: "ua", Pattern: @"^(?<client>[^/]+)/(?<clientVersion>\S+)")).Kept(input);

        record.Attributes["client"].ShouldBe("curl");
        record.Attributes["clientVersion"].ShouldBe("8.5.0");
    }
}
