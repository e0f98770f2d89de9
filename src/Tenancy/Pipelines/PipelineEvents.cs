using Contracts.Config;

namespace Tenancy.Pipelines;

public interface IPipelineEvent;

public sealed record PipelineDefined(string TenantId, int PipelineVersion, IReadOnlyList<PipelineStage> Stages) : IPipelineEvent;

public static class PipelineStream
{
    public static string For(string tenantId) => $"{tenantId}:pipeline";
}
