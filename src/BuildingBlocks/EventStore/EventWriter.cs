using Npgsql;
using NpgsqlTypes;

namespace BuildingBlocks.EventStore;

/// <summary>The SQL of an append, shaped for few round trips: one statement moves the stream's version, one batch writes the rest.</summary>
static class EventWriter
{
    /// <summary>Moves the stream from <paramref name="expected"/> to <paramref name="next"/>, or answers false when it is elsewhere.</summary>
    public static async Task<bool> TryAdvanceAsync(NpgsqlConnection connection, string streamId, int expected, int next, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(expected == 0
            ? "insert into es_streams (stream_id, version) values (@stream, @next) on conflict do nothing returning version"
            : "update es_streams set version = @next, updated_at = now() where stream_id = @stream and version = @expected returning version",
            connection);
        command.Parameters.AddWithValue("stream", streamId);
        command.Parameters.AddWithValue("expected", expected);
        command.Parameters.AddWithValue("next", next);
        return await command.ExecuteScalarAsync(ct) is int;
    }

    /// <summary>For appends that accept any version: locks the stream row and returns its version (0 when new).</summary>
    public static async Task<int> LockAndAdvanceAsync(NpgsqlConnection connection, string streamId, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into es_streams (stream_id, version) values (@stream, @count)
            on conflict (stream_id) do update set version = es_streams.version + @count, updated_at = now()
            returning version
            """, connection);
        command.Parameters.AddWithValue("stream", streamId);
        command.Parameters.AddWithValue("count", count);
        return (int)(await command.ExecuteScalarAsync(ct))! - count;
    }

    public static NpgsqlBatchCommand InsertEvent(string streamId, int version, Guid eventId, string type, string json, EventMetadata metadata)
    {
        var command = new NpgsqlBatchCommand("""
            insert into es_events (stream_id, version, event_id, event_type, data, actor, correlation_id, causation_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8) returning position, recorded_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        command.Parameters.Add(new NpgsqlParameter { Value = type });
        command.Parameters.Add(new NpgsqlParameter { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = metadata.Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = metadata.CorrelationId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)metadata.CausationId ?? DBNull.Value });
        return command;
    }

    public static NpgsqlBatchCommand InsertOutbox(OutboxMessage message, string correlationId)
    {
        var command = new NpgsqlBatchCommand("""
            insert into es_outbox (message_id, topic, message_key, message_type, tenant, correlation_id, payload)
            values ($1, $2, $3, $4, $5, $6, $7)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Topic });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Tenant });
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        command.Parameters.Add(new NpgsqlParameter { Value = message.Payload });
        return command;
    }
}
