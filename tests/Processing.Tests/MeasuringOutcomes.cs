using Contracts.Config;
using Contracts.Logs;
using Processing.Pipelines;

namespace Processing.Tests;

public sealed class MeasuringOutcomes
{
    [Fact]
    public void an_outcome_says_how_long_the_record_took()
    {
        var outcome = Pipelines.Of(new ParseStage("logfmt")).Run(Pipelines.Record("a=1"));

        outcome.Elapsed.ShouldBeGreaterThan(TimeSpan.Zero);
        outcome.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void exactly_one_of_record_reason_and_error_is_set()
    {
        var pipeline = Pipelines.Of(new DropIfStage(LevelBelow: "warn"));

        var kept = pipeline.Run(Pipelines.Record("x", LogLevel.Error));
        var dropped = pipeline.Run(Pipelines.Record("x", LogLevel.Info));
        var failed = pipeline.Run(Pipelines.Record("x") with { Tenant = "other" });

        (kept.Kind, kept.Record is not null, kept.Reason, kept.Error).ShouldBe((PipelineOutcomeKind.Kept, true, null, null));
        (dropped.Kind, dropped.Record, dropped.Reason is not null, dropped.Error).ShouldBe((PipelineOutcomeKind.Dropped, null, true, null));
        (failed.Kind, failed.Record, failed.Reason, failed.Error is not null).ShouldBe((PipelineOutcomeKind.Failed, null, null, true));
    }

    [Fact]
    public void a_default_outcome_is_none_of_kept_dropped_or_failed()
    {
        var outcome = default(PipelineOutcome);

        (outcome.IsKept, outcome.IsDropped, outcome.IsFailed).ShouldBe((false, false, false));
    }

    [Fact]
    public void runs_from_many_threads_at_once_without_mixing_records()
    {
        var pipeline = Pipelines.Of(new ParseStage("logfmt"), new RedactStage(["ipv4"]));

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var record = pipeline.Kept(Pipelines.Record($"n={i} ip=10.0.{i % 256}.{i % 200}"));
            record.Attributes["n"].ShouldBe(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            record.Attributes["ip"].ShouldBe($"10.0.{i % 256}.x");
        });
    }
}
