namespace BuildingBlocks.Messaging;

/// <summary>
/// A message on Kafka: the payload plus what every consumer needs to route, deduplicate and trace it. On the wire the
/// payload is the record value, the tenant is the key (so a tenant's messages stay ordered in one partition), and the
/// other fields are headers.
/// </summary>
public sealed record Envelope(string Id, string Type, string Tenant, DateTimeOffset Time, string CorrelationId, byte[] Payload)
{
    public static Envelope Create(string type, string tenant, byte[] payload, string? correlationId = null)
    {
        var id = Guid.CreateVersion7().ToString("N");
        return new Envelope(id, type, tenant, DateTimeOffset.UtcNow, correlationId ?? id, payload);
    }
}
