using BuildingBlocks.EventStore;
using Contracts.Config;

namespace Tenancy.Pipelines;

public interface IPipelineCommand;

/// <summary>Replaces the whole pipeline: stages run in order and only make sense together, so they are never edited one by one.</summary>
public sealed record DefinePipeline(string TenantId, IReadOnlyList<PipelineStage> Stages) : IPipelineCommand;

/// <summary>
/// A tenant's processing pipeline. <see cref="PipelineVersion"/> counts its definitions; 0 means none yet, and records
/// then pass through unchanged.
/// </summary>
public sealed record Pipeline(string TenantId, int PipelineVersion, IReadOnlyList<PipelineStage> Stages) : IAggregate<Pipeline>
{
    public static Pipeline Initial { get; } = new("", 0, []);

    public static IPipelineEvent[] Decide(IPipelineCommand command, Pipeline state) => command switch
    {
        DefinePipeline c when state.PipelineVersion == 0 || c.TenantId == state.TenantId =>
            [new PipelineDefined(c.TenantId, state.PipelineVersion + 1, c.Stages)],
        _ => throw new RuleViolation($"{command.GetType().Name}: this stream holds the pipeline of tenant '{state.TenantId}'"),
    };

    public Pipeline Evolve(object @event) => @event switch
    {
        PipelineDefined e => new(e.TenantId, e.PipelineVersion, e.Stages),
        _ => this,
    };
}
