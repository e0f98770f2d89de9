using Contracts.Config;
using Tenancy.Access;
using Tenancy.ApiKeys;
using Tenancy.Storage;
using Tenancy.Tenants;

namespace Tenancy.Configuration;

/// <summary>GET /api/v1/config/snapshot (operator only): the current configuration a cache starts from.</summary>
public static class ConfigSnapshotEndpoints
{
    public static RouteHandlerBuilder MapConfigSnapshotEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/config/snapshot", Snapshot).WithTags("Configuration").RequireOperator();

    static async Task<ConfigSnapshot> Snapshot(Documents documents, CancellationToken ct)
    {
        var tenants = await documents.ListAsync<TenantSummary>(TenantSummaryProjection.Table, null, ct);
        var keys = await documents.ListAsync<ApiKeyRecord>(ApiKeyProjection.Table, null, ct);
        var pipelines = await documents.ListAsync<PipelineConfig>("pipelines", null, ct);
        var rules = await documents.ListAsync<AlertRuleConfig>("alert_rules", null, ct);
        return new ConfigSnapshot(tenants.Select(IntegrationMessages.ToConfig).ToList(), keys.Select(IntegrationMessages.ToConfig).ToList(),
            pipelines, rules);
    }
}
