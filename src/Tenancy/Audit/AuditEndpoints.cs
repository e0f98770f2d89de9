using System.Text.Json;
using System.Text.Json.Nodes;
using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using Tenancy.Access;

namespace Tenancy.Audit;

/// <summary>GET /api/v1/tenants/{tenantId}/audit: the tenant's event history, which is its audit trail, paged by position.</summary>
public static class AuditEndpoints
{
    const int MaxPage = 500;

    public sealed record AuditEntry(long Position, string Stream, int Version, string Type, string Actor, string CorrelationId,
        DateTimeOffset RecordedAt, JsonNode? Data);

    public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, long? NextAfter);

    public static RouteHandlerBuilder MapAuditEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/tenants/{tenantId}/audit", List).WithTags("Audit").RequireTenantRole(ApiKeyRole.Operator);

    static async Task<IResult> List(string tenantId, long? after, int? limit, PostgresEventStore store, CancellationToken ct)
    {
        var size = Math.Clamp(limit ?? 100, 1, MaxPage);
        var items = new List<AuditEntry>();
        await foreach (var e in store.ReadByStreamPrefixAsync(tenantId + ":", after ?? 0, size, ct))
            items.Add(new AuditEntry(e.Position, e.StreamId, e.Version, e.Type, e.Metadata.Actor, e.Metadata.CorrelationId, e.RecordedAt,
                WithoutSecrets(e.Data)));
        return Results.Ok(new AuditPage(items, items.Count == size ? items[^1].Position : null));
    }

    /// <summary>Key hashes and salts are not secrets, but nobody reading an audit trail needs them.</summary>
    static JsonNode? WithoutSecrets(object data)
    {
        var node = JsonSerializer.SerializeToNode(data, data.GetType(), EventTypeRegistry.Json);
        if (node is JsonObject obj)
        {
            obj.Remove("salt");
            obj.Remove("hash");
        }
        return node;
    }
}
