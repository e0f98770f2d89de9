using System.Diagnostics;
using System.Text.RegularExpressions;
using Contracts.Config;
using Processing.Pipelines;

namespace Processing.Tests;

public sealed class SurvivingFailingStages
{
    static readonly string Pathological = new string('a', 50_000) + "!";

    [Theory]
    [InlineData("parse")]
    [InlineData("drop_if")]
    [InlineData("redact")]
    public void a_catastrophic_pattern_times_out_and_fails_the_record_instead_of_hanging(string stageType)
    {
        const string pattern = "^(?<x>(a|aa)+)$";
        PipelineStage stage = stageType switch
        {
            "parse" => new ParseStage("regex", Pattern: pattern),
            "drop_if" => new DropIfStage(Field: "message", Matches: pattern),
            _ => new RedactStage(["custom"], Pattern: pattern),
        };
        var pipeline = CompiledPipeline.Compile(new PipelineConfig(Pipelines.Tenant, 2, [new SetFieldStage("env", "prod"), stage], 2),
            new PipelineOptions { MatchTimeout = TimeSpan.FromMilliseconds(50) });
        var clock = Stopwatch.StartNew();

        var outcome = pipeline.Run(Pipelines.Record(Pathological));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        outcome.IsFailed.ShouldBeTrue(outcome.ToString());
        outcome.Error.ShouldBeOfType<RegexMatchTimeoutException>();
        outcome.Stage.ShouldBe($"stages[1] {(stageType == "parse" ? "parse(regex)" : stageType)}");
        pipeline.Run(Pipelines.Record("the next line")).IsKept.ShouldBeTrue(); // the rest of the batch goes on
    }

    [Fact]
    public void a_definition_this_version_cannot_compile_fails_every_record_and_says_why()
    {
        var pipeline = Pipelines.Of(new SetFieldStage("env", "prod"), new ParseStage("xml"));

        var outcome = pipeline.Run(Pipelines.Record("<a/>"));

        pipeline.Problem.ShouldBe("stages[1] parse(xml): parse format 'xml' is not supported by this version of Processing");
        outcome.IsFailed.ShouldBeTrue();
        outcome.Stage.ShouldBe("stages[1] parse(xml)");
        outcome.Error.ShouldBeOfType<NotSupportedException>();
    }

    [Fact]
    public void a_pattern_that_does_not_compile_fails_every_record()
    {
        var pipeline = Pipelines.Of(new RedactStage(["custom"], Pattern: "(unclosed"));

        pipeline.Problem.ShouldNotBeNull();
        pipeline.Run(Pipelines.Record("x")).Error.ShouldBeAssignableTo<ArgumentException>();
    }

    [Fact]
    public void a_record_of_another_tenant_fails_rather_than_get_this_tenants_labels()
    {
        var pipeline = Pipelines.Of(new StaticLabelsStage(new Dictionary<string, string> { ["team"] = "acme-ops" }));

        var outcome = pipeline.Run(Pipelines.Record("x") with { Tenant = "globex" });

        outcome.IsFailed.ShouldBeTrue();
        outcome.Stage.ShouldBe("pipeline");
    }

    [Fact]
    public void a_sound_pipeline_has_no_problem()
    {
        Pipelines.Of(new ParseStage("regex", Pattern: "(?<a>.)")).Problem.ShouldBeNull();
    }
}
