using Npgsql;

namespace BuildingBlocks.EventStore;

static class OutboxWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, OutboxMessage message, string correlationId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            insert into es_outbox (message_id, topic, message_key, message_type, tenant, correlation_id, payload)
            values (@id, @topic, @key, @type, @tenant, @correlation, @payload)
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("topic", message.Topic);
        command.Parameters.AddWithValue("key", message.Tenant);
        command.Parameters.AddWithValue("type", message.Type);
        command.Parameters.AddWithValue("tenant", message.Tenant);
        command.Parameters.AddWithValue("correlation", correlationId);
        command.Parameters.AddWithValue("payload", message.Payload);
        await command.ExecuteNonQueryAsync(ct);
    }
}
