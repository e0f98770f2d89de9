using System.Text.Json;
using BuildingBlocks.EventStore;
using BuildingBlocks.Messaging;
using Contracts.Lifecycle;
using Tenancy.Tenants;

namespace Tenancy.DataLifecycle;

/// <summary>
/// Records Query's data.lifecycle reports in the tenant's audit trail (its <c>:data</c> stream), once per message id and
/// whatever the tenant's status: the erasure arrives after the tenant was deleted. A report that cannot be read, arrived
/// under another tenant's key or names a tenant that never existed throws, so the consumer retries it, then dead-letters it.
/// </summary>
public sealed class DataLifecycleRecorder(PostgresEventStore store)
{
    const string Actor = "system:query";

    /// <summary>Every field but V must be present, so a report missing one is dead-lettered rather than recorded with zeros.</summary>
    static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public MessageHandlers Handlers => new MessageHandlers()
        .On(DataLifecycleMessageTypes.DataPurged, RecordPurgeAsync)
        .On(DataLifecycleMessageTypes.TenantDataDeleted, RecordErasureAsync);

    public Task RecordPurgeAsync(Envelope envelope, CancellationToken ct)
    {
        var m = Read<DataPurged>(envelope);
        return RecordAsync(envelope, m.TenantId,
            new TenantDataPurged(envelope.Id, m.Reason, m.Day, m.Query, m.KeyId, m.Lines, m.HotSegments, m.ArchiveObjects, m.At), ct);
    }

    public Task RecordErasureAsync(Envelope envelope, CancellationToken ct)
    {
        var m = Read<TenantDataDeleted>(envelope);
        return RecordAsync(envelope, m.TenantId, new TenantDataErased(envelope.Id, m.Lines, m.HotSegments, m.ArchiveObjects, m.At), ct);
    }

    async Task RecordAsync(Envelope envelope, string tenantId, ITenantDataEvent fact, CancellationToken ct)
    {
        if (tenantId != envelope.Tenant)
            throw new InvalidDataException($"{envelope.Type} {envelope.Id} is about tenant '{tenantId}' but arrived under '{envelope.Tenant}'");
        var (tenant, _) = await store.LoadAsync<Tenant>(TenantStream.For(tenantId), ct);
        if (tenant.Status == TenantStatus.None)
            throw new RuleViolation($"{envelope.Type} {envelope.Id}: the tenant '{tenantId}' does not exist");
        await store.DecideAsync<TenantData>(TenantDataStream.For(tenantId), ExpectedVersion.Any, state => TenantData.Decide(fact, state),
            new EventMetadata(Actor, envelope.CorrelationId, CausationId: envelope.Id), ct: ct);
    }

    static T Read<T>(Envelope envelope) =>
        JsonSerializer.Deserialize<T>(envelope.Payload, Json) ?? throw new JsonException($"{envelope.Type} {envelope.Id} has an empty payload");
}
