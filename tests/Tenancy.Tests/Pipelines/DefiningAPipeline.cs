using BuildingBlocks.EventStore;
using Contracts.Config;
using Tenancy.Pipelines;

namespace Tenancy.Tests.Pipelines;

public sealed class DefiningAPipeline
{
    static readonly IReadOnlyList<PipelineStage> Stages =
        [new ParseStage("json"), new RedactStage(["email"]), new StaticLabelsStage(new Dictionary<string, string> { ["env"] = "prod" })];

    [Fact]
    public void the_first_definition_is_version_1()
    {
        var events = Pipeline.Decide(new DefinePipeline("acme", Stages), Pipeline.Initial);

        events.ShouldBe([new PipelineDefined("acme", 1, Stages)]);
    }

    [Fact]
    public void every_definition_increments_the_version_even_with_the_same_stages()
    {
        var defined = History.Of<Pipeline>(new PipelineDefined("acme", 1, Stages), new PipelineDefined("acme", 2, Stages));

        Pipeline.Decide(new DefinePipeline("acme", Stages), defined).ShouldBe([new PipelineDefined("acme", 3, Stages)]);
    }

    [Fact]
    public void a_definition_replaces_all_stages_in_their_order()
    {
        IReadOnlyList<PipelineStage> reordered = [Stages[2], Stages[0]];

        var pipeline = History.Of<Pipeline>(new PipelineDefined("acme", 1, Stages), new PipelineDefined("acme", 2, reordered));

        pipeline.ShouldBe(new Pipeline("acme", 2, reordered));
    }

    [Fact]
    public void an_empty_definition_clears_the_pipeline()
    {
        var defined = History.Of<Pipeline>(new PipelineDefined("acme", 1, Stages));

        var cleared = History.Of<Pipeline>(new PipelineDefined("acme", 1, Stages), Pipeline.Decide(new DefinePipeline("acme", []), defined).Single());

        cleared.PipelineVersion.ShouldBe(2);
        cleared.Stages.ShouldBeEmpty();
    }

    [Fact]
    public void the_pipeline_of_one_tenant_cannot_be_defined_for_another()
    {
        var defined = History.Of<Pipeline>(new PipelineDefined("acme", 1, Stages));

        Should.Throw<RuleViolation>(() => Pipeline.Decide(new DefinePipeline("globex", Stages), defined)).Message.ShouldContain("'acme'");
    }
}
