using Contracts.Config;
using Processing.Pipelines;

namespace Processing.Tests;

public sealed class CarryingThePipelineVersion
{
    [Fact]
    public void every_kept_record_names_the_version_that_processed_it()
    {
        var outcome = Pipelines.Version(7, new SetFieldStage("env", "prod")).Run(Pipelines.Record("x"));

        outcome.PipelineVersion.ShouldBe(7);
        outcome.Record!.Attributes[CompiledPipeline.VersionAttribute].ShouldBe("7");
    }

    [Fact]
    public void a_tenant_without_a_pipeline_gets_version_zero()
    {
        var record = CompiledPipeline.None(Pipelines.Tenant).Kept(Pipelines.Record("x"));

        record.Attributes[CompiledPipeline.VersionAttribute].ShouldBe("0");
    }

    [Fact]
    public void neither_the_sender_nor_a_stage_can_claim_another_version()
    {
        var input = Pipelines.Record("x", attributes: Pipelines.Attributes((CompiledPipeline.VersionAttribute, "99")));

        var record = Pipelines.Version(3, new SetFieldStage(CompiledPipeline.VersionAttribute, "42")).Kept(input);

        record.Attributes[CompiledPipeline.VersionAttribute].ShouldBe("3");
    }

    [Fact]
    public void dropped_and_failed_outcomes_name_the_version_too()
    {
        var pipeline = Pipelines.Version(5, new DropIfStage(LevelBelow: "fatal"));

        pipeline.Run(Pipelines.Record("x")).PipelineVersion.ShouldBe(5);
        pipeline.Run(Pipelines.Record("x") with { Tenant = "other" }).PipelineVersion.ShouldBe(5);
    }

    [Fact]
    public void a_processed_record_keeps_everything_the_stages_did_not_touch()
    {
        var input = Pipelines.Record("x", service: "api") with { EventId = "evt-1", SpanId = "00f067aa0ba902b7", ObservedNanos = Pipelines.Noon + 5 };

        var record = Pipelines.Of().Kept(input);

        record.ShouldBe(input with { Attributes = record.Attributes });
        record.Own().ShouldBeEmpty();
    }
}
