using Contracts.Config;
using Contracts.Logs;
using Processing.Pipelines;

namespace Processing.Tests;

public sealed class DroppingRecords
{
    [Fact]
    public void drop_if_level_below_drops_lower_levels_only()
    {
        var pipeline = Pipelines.Of(new DropIfStage(LevelBelow: "warn"));

        var dropped = pipeline.Run(Pipelines.Record("chatty", LogLevel.Info));
        pipeline.Run(Pipelines.Record("careful", LogLevel.Warn)).IsKept.ShouldBeTrue();

        dropped.IsDropped.ShouldBeTrue();
        dropped.Reason.ShouldBe("stages[0] drop_if: level below warn");
    }

    [Fact]
    public void drop_if_a_field_matches_drops_matching_records()
    {
        var pipeline = Pipelines.Of(new DropIfStage(Field: "path", Matches: "^/health"));

        var dropped = pipeline.Run(Pipelines.Record("GET", attributes: Pipelines.Attributes(("path", "/healthz"))));

        dropped.Reason.ShouldBe("stages[0] drop_if: path matches ^/health");
        pipeline.Run(Pipelines.Record("GET", attributes: Pipelines.Attributes(("path", "/api")))).IsKept.ShouldBeTrue();
        pipeline.Run(Pipelines.Record("GET /healthz")).IsKept.ShouldBeTrue(); // no path attribute: nothing to match
    }

    [Fact]
    public void drop_if_with_both_conditions_drops_on_either()
    {
        var pipeline = Pipelines.Of(new DropIfStage(LevelBelow: "info", Field: "message", Matches: "heartbeat"));

        pipeline.Run(Pipelines.Record("tick", LogLevel.Debug)).IsDropped.ShouldBeTrue();
        pipeline.Run(Pipelines.Record("heartbeat ok", LogLevel.Error)).IsDropped.ShouldBeTrue();
        pipeline.Run(Pipelines.Record("order placed", LogLevel.Info)).IsKept.ShouldBeTrue();
    }

    [Fact]
    public void stages_after_a_drop_do_not_run()
    {
        var pipeline = Pipelines.Of(new DropIfStage(LevelBelow: "warn"), new ParseStage("regex", Pattern: "(?<x>(a+)+$)"));

        var outcome = pipeline.Run(Pipelines.Record(new string('a', 5000) + "!", LogLevel.Debug));

        outcome.IsDropped.ShouldBeTrue();
    }

    [Fact]
    public void the_tenant_minimum_level_drops_records_below_it()
    {
        var pipeline = Pipelines.Of().WithMinimumLevel(LogLevel.Warn);

        var dropped = pipeline.Run(Pipelines.Record("chatty", LogLevel.Info));

        dropped.IsDropped.ShouldBeTrue();
        dropped.Reason.ShouldBe("level below the tenant's minimum warn");
        pipeline.Run(Pipelines.Record("bad", LogLevel.Error)).IsKept.ShouldBeTrue();
        pipeline.Run(Pipelines.Record("chatty", LogLevel.Info), LogLevel.Trace).IsKept.ShouldBeTrue();
    }

    [Fact]
    public void the_minimum_level_applies_to_the_level_a_stage_parsed()
    {
        var pipeline = Pipelines.Of(new ParseStage("regex", Pattern: @"^(?<level>[A-Z]+) ")).WithMinimumLevel(LogLevel.Warn);

        pipeline.Run(Pipelines.Record("ERROR disk full", LogLevel.Info)).IsKept.ShouldBeTrue();
        pipeline.Run(Pipelines.Record("DEBUG cache miss", LogLevel.Error)).IsDropped.ShouldBeTrue();
    }

    [Fact]
    public void a_record_below_the_minimum_is_dropped_before_stages_that_cannot_change_its_level()
    {
        var slow = Pipelines.Of(new RedactStage(["custom"], Pattern: "(a+)+$")).WithMinimumLevel(LogLevel.Info);

        var outcome = slow.Run(Pipelines.Record(new string('a', 5000) + "!", LogLevel.Debug));

        outcome.IsDropped.ShouldBeTrue();
    }

    [Fact]
    public void a_pipeline_without_stages_only_applies_the_minimum_level()
    {
        var none = CompiledPipeline.None(Pipelines.Tenant, minimumLevel: LogLevel.Error);

        none.Version.ShouldBe(0);
        none.Run(Pipelines.Record("x", LogLevel.Warn)).IsDropped.ShouldBeTrue();
        none.Run(Pipelines.Record("x", LogLevel.Fatal)).IsKept.ShouldBeTrue();
    }
}
