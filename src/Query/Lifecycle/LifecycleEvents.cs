using System.Text.Json;
using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Lifecycle;

namespace Query.Lifecycle;

/// <summary>Tells Tenancy what was deleted (data.lifecycle), so each deletion lands in the tenant's audit trail.</summary>
public sealed class LifecycleEvents(MessageProducer producer)
{
    public Task PurgedAsync(DataPurged fact, CancellationToken ct) =>
        PublishAsync(DataLifecycleMessageTypes.DataPurged, fact.TenantId, JsonSerializer.SerializeToUtf8Bytes(fact, JsonSerializerOptions.Web), ct);

    public Task TenantDeletedAsync(TenantDataDeleted fact, CancellationToken ct) =>
        PublishAsync(DataLifecycleMessageTypes.TenantDataDeleted, fact.TenantId, JsonSerializer.SerializeToUtf8Bytes(fact, JsonSerializerOptions.Web), ct);

    Task PublishAsync(string type, string tenant, byte[] payload, CancellationToken ct) =>
        producer.PublishAsync(Topics.DataLifecycle, Envelope.Create(type, tenant, payload), ct);
}
