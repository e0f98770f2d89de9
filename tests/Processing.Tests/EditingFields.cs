using Contracts.Config;
using Contracts.Logs;

namespace Processing.Tests;

public sealed class EditingFields
{
    [Fact]
    public void set_writes_well_known_fields_and_attributes()
    {
        var record = Pipelines.Of(new SetFieldStage("service", "billing"), new SetFieldStage("level", "ERR"), new SetFieldStage("env", "prod"),
            new SetFieldStage("traceId", "4bf92f3577b34da6a3ce929d0e0e4736")).Kept("paid");

        record.Service.ShouldBe("billing");
        record.Level.ShouldBe(LogLevel.Error);
        record.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        record.Own().ShouldBe(new Dictionary<string, string> { ["env"] = "prod" });
    }

    [Fact]
    public void setting_an_optional_field_to_empty_clears_it()
    {
        var record = Pipelines.Of(new SetFieldStage("host", "")).Kept(Pipelines.Record("x", host: "web-1"));

        record.Host.ShouldBeNull();
    }

    [Fact]
    public void rename_moves_a_value_between_attributes_and_fields()
    {
        var input = Pipelines.Record("x", attributes: Pipelines.Attributes(("svc", "api"), ("uid", "7"), ("user", "old")), host: "web-1");

        var record = Pipelines.Of(new RenameFieldStage("svc", "service"), new RenameFieldStage("host", "node"), new RenameFieldStage("uid", "user"))
            .Kept(input);

        record.Service.ShouldBe("api");
        record.Host.ShouldBeNull();
        record.Own().ShouldBe(new Dictionary<string, string> { ["node"] = "web-1", ["user"] = "7" }, ignoreOrder: true);
    }

    [Fact]
    public void renaming_an_absent_field_changes_nothing()
    {
        var record = Pipelines.Of(new RenameFieldStage("missing", "service")).Kept(Pipelines.Record("x", service: "kept"));

        record.Service.ShouldBe("kept");
    }

    [Fact]
    public void renaming_the_level_or_timestamp_copies_their_text()
    {
        var record = Pipelines.Of(new RenameFieldStage("level", "severity"), new RenameFieldStage("timestamp", "at"))
            .Kept(Pipelines.Record("x", LogLevel.Warn));

        record.Attributes["severity"].ShouldBe("warn");
        record.Level.ShouldBe(LogLevel.Info);
        record.Attributes["at"].ShouldBe("2024-05-01T12:00:00Z");
        record.TimestampNanos.ShouldBe(Pipelines.Noon);
    }

    [Fact]
    public void drop_field_removes_attributes_and_clears_fields()
    {
        var input = Pipelines.Record("secret", attributes: Pipelines.Attributes(("token", "abc"), ("keep", "1")), service: "api");

        var record = Pipelines.Of(new DropFieldStage("token"), new DropFieldStage("service"), new DropFieldStage("message")).Kept(input);

        record.Own().ShouldBe(new Dictionary<string, string> { ["keep"] = "1" });
        record.Service.ShouldBeNull();
        record.Message.ShouldBe("");
    }

    [Fact]
    public void labels_are_added_as_attributes_replacing_values_of_the_same_name()
    {
        var input = Pipelines.Record("x", attributes: Pipelines.Attributes(("env", "dev")));

        var record = Pipelines.Of(new StaticLabelsStage(new Dictionary<string, string> { ["env"] = "prod", ["region"] = "eu-west" })).Kept(input);

        record.Own().ShouldBe(new Dictionary<string, string> { ["env"] = "prod", ["region"] = "eu-west" }, ignoreOrder: true);
    }

    [Fact]
    public void stages_run_in_order()
    {
        var record = Pipelines.Of(new ParseStage("logfmt"), new RenameFieldStage("msg", "message"), new DropFieldStage("at"))
            .Kept("at=12:00 msg=hello");

        record.Message.ShouldBe("hello");
        record.Own().ShouldBeEmpty();
    }
}
