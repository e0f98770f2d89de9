using System.Runtime.CompilerServices;
using Npgsql;

namespace BuildingBlocks.EventStore;

/// <summary>
/// Append-only streams in PostgreSQL. An append checks the expected version, writes the events, updates the inline
/// projections and writes the outbox in one transaction: either all of it happened or none of it.
/// </summary>
public sealed class PostgresEventStore(NpgsqlDataSource db, EventTypeRegistry types, IReadOnlyList<IInlineProjection> projections)
{
    public EventTypeRegistry Types => types;

    public Task<IReadOnlyList<StoredEvent>> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<object> events,
        EventMetadata metadata, IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken ct = default) =>
        AppendAsync([new StreamAppend(streamId, expected, events)], metadata, outbox, ct);

    /// <summary>Appends to several streams atomically (e.g. a new tenant and its first key).</summary>
    public async Task<IReadOnlyList<StoredEvent>> AppendAsync(IReadOnlyList<StreamAppend> appends, EventMetadata metadata,
        IReadOnlyList<OutboxMessage>? outbox = null, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var pending = new List<(string StreamId, int Version, Guid EventId, string Type, object Data)>();
        foreach (var (streamId, expected, events) in appends)
        {
            int current;
            if (expected.Value is { } version)
            {
                if (!await EventWriter.TryAdvanceAsync(connection, streamId, version, version + events.Count, ct))
                    throw new ConcurrencyException($"Stream {streamId} is no longer at version {version}", expected.FromClient);
                current = version;
            }
            else
            {
                current = await EventWriter.LockAndAdvanceAsync(connection, streamId, events.Count, ct);
            }
            for (var i = 0; i < events.Count; i++)
                pending.Add((streamId, current + i + 1, Guid.CreateVersion7(), types.NameOf(events[i]), events[i]));
        }

        var stored = new List<StoredEvent>(pending.Count);
        await using (var batch = new NpgsqlBatch(connection, tx))
        {
            foreach (var e in pending)
                batch.BatchCommands.Add(EventWriter.InsertEvent(e.StreamId, e.Version, e.EventId, e.Type, types.Serialize(e.Data), metadata));
            foreach (var message in outbox ?? [])
                batch.BatchCommands.Add(EventWriter.InsertOutbox(message, metadata.CorrelationId));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var e in pending)
            {
                await reader.ReadAsync(ct);
                stored.Add(new StoredEvent(reader.GetInt64(0), e.StreamId, e.Version, e.EventId, e.Type, e.Data, metadata,
                    reader.GetFieldValue<DateTimeOffset>(1)));
                await reader.NextResultAsync(ct);
            }
        }
        foreach (var @event in stored)
            foreach (var projection in projections)
                await projection.ApplyAsync(connection, @event, ct);
        await tx.CommitAsync(ct);
        return stored;
    }

    /// <summary>
    /// Loads a stream, decides on its current state and appends the outcome with <paramref name="integration"/>'s messages
    /// for the new state and version. When the caller named a version (If-Match), a conflict goes back to the caller.
    /// Otherwise the caller asked about the current state, whatever it is, so a write that slipped in between the load
    /// and the append (a saga step, another request) is met by deciding again on the fresher state (decisions are pure).
    /// </summary>
    public async Task<Decision<T>> DecideAsync<T>(string streamId, ExpectedVersion expected, Func<T, IReadOnlyList<object>> decide,
        EventMetadata metadata, Func<T, int, IReadOnlyList<OutboxMessage>>? integration = null, CancellationToken ct = default)
        where T : IAggregate<T>
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DecideOnceAsync(streamId, expected, decide, metadata, integration, ct);
            }
            catch (ConcurrencyException) when (expected.Value is null && attempt < 5)
            {
            }
        }
    }

    async Task<Decision<T>> DecideOnceAsync<T>(string streamId, ExpectedVersion expected, Func<T, IReadOnlyList<object>> decide,
        EventMetadata metadata, Func<T, int, IReadOnlyList<OutboxMessage>>? integration, CancellationToken ct)
        where T : IAggregate<T>
    {
        var (state, version) = await LoadAsync<T>(streamId, ct);
        if (!expected.Accepts(version))
            throw new ConcurrencyException($"Stream {streamId} is at version {version}, not {expected.Value}", expected.FromClient);
        var events = decide(state);
        var next = events.Aggregate(state, (s, e) => s.Evolve(e));
        if (events.Count == 0) return new Decision<T>(next, version, []);
        var stored = await AppendAsync(streamId, ExpectedVersion.Exactly(version) with { FromClient = expected.FromClient }, events, metadata,
            integration?.Invoke(next, version + events.Count), ct);
        return new Decision<T>(next, version + events.Count, stored);
    }

    public async Task<(T State, int Version)> LoadAsync<T>(string streamId, CancellationToken ct = default) where T : IAggregate<T>
    {
        var state = T.Initial;
        var version = 0;
        await foreach (var @event in ReadStreamAsync(streamId, ct))
        {
            state = state.Evolve(@event.Data);
            version = @event.Version;
        }
        return (state, version);
    }

    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = db.CreateCommand(EventReader.Select + " where stream_id = @stream order by version");
        command.Parameters.AddWithValue("stream", streamId);
        await foreach (var e in EventReader.ReadAsync(command, types, ct)) yield return e;
    }

    /// <summary>Events of every stream whose id starts with <paramref name="prefix"/> (e.g. one tenant's), by position.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadByStreamPrefixAsync(string prefix, long afterPosition, int max,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = db.CreateCommand(EventReader.Select +
            " where stream_id like @prefix escape '\\' and position > @position order by position limit @max");
        command.Parameters.AddWithValue("prefix", prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        command.Parameters.AddWithValue("position", afterPosition);
        command.Parameters.AddWithValue("max", max);
        await foreach (var e in EventReader.ReadAsync(command, types, ct)) yield return e;
    }

    /// <summary>
    /// Events after <paramref name="position"/> in commit-safe order: only events whose transaction started before every
    /// transaction still running, so a reader never steps past an event that commits later with a lower position.
    /// </summary>
    public async IAsyncEnumerable<StoredEvent> ReadAllAsync(long position, int max, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = db.CreateCommand(EventReader.Select +
            " where position > @position and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) order by position limit @max");
        command.Parameters.AddWithValue("position", position);
        command.Parameters.AddWithValue("max", max);
        await foreach (var e in EventReader.ReadAsync(command, types, ct)) yield return e;
    }
}

public sealed record Decision<T>(T State, int Version, IReadOnlyList<StoredEvent> Events);

public sealed record StreamAppend(string StreamId, ExpectedVersion Expected, IReadOnlyList<object> Events);
