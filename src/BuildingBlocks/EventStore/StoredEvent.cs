namespace BuildingBlocks.EventStore;

/// <summary>Who did it and why: recorded with every event; the audit trail reads it back.</summary>
public sealed record EventMetadata(string Actor, string CorrelationId, string? CausationId = null)
{
    public static EventMetadata System(string actor) => new(actor, Guid.NewGuid().ToString("N"));
}

public sealed record StoredEvent(long Position, string StreamId, int Version, Guid EventId, string Type, object Data,
    EventMetadata Metadata, DateTimeOffset RecordedAt);

/// <summary>A message for another context, written to the outbox in the same transaction as the events.</summary>
public sealed record OutboxMessage(string Topic, string Type, string Tenant, byte[] Payload);

/// <summary>A read model kept in the same transaction as the events it is built from.</summary>
public interface IInlineProjection
{
    Task ApplyAsync(Npgsql.NpgsqlConnection connection, StoredEvent @event, CancellationToken ct);
}

/// <summary>State folded from a stream: pure, no I/O (STYLE.md).</summary>
public interface IAggregate<TSelf> where TSelf : IAggregate<TSelf>
{
    static abstract TSelf Initial { get; }
    TSelf Evolve(object @event);
}
