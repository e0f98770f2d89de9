using BuildingBlocks.EventStore;
using Contracts.Config;
using Npgsql;
using Tenancy.Storage;

namespace Tenancy.Pipelines;

/// <summary>
/// Keeps the pipelines table: one <see cref="PipelineConfig"/> per tenant, the very record the config snapshot serves and
/// platform.config carries, so a cache cannot tell a snapshot entry from a message.
/// </summary>
sealed class PipelineProjection : IInlineProjection
{
    public const string Table = "pipelines";

    /// <summary>What a tenant that never defined a pipeline has.</summary>
    public static PipelineConfig Empty(string tenantId) => new(tenantId, 0, [], 0);

    public async Task ApplyAsync(NpgsqlConnection connection, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Data is not PipelineDefined e) return;
        var pipeline = new PipelineConfig(e.TenantId, e.PipelineVersion, e.Stages, stored.Version);
        await Documents.UpsertAsync(connection, Table, e.TenantId, e.TenantId, pipeline, stored.Version, ct);
    }
}
