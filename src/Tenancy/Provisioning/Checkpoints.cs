using Npgsql;

namespace Tenancy.Provisioning;

/// <summary>How far a subscriber has read the event store.</summary>
static class Checkpoints
{
    public static async Task<long> LoadAsync(NpgsqlDataSource db, string subscriber, CancellationToken ct)
    {
        await using var command = db.CreateCommand("select position from es_checkpoints where subscriber = @subscriber");
        command.Parameters.AddWithValue("subscriber", subscriber);
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    public static async Task SaveAsync(NpgsqlDataSource db, string subscriber, long position, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            insert into es_checkpoints (subscriber, position) values (@subscriber, @position)
            on conflict (subscriber) do update set position = excluded.position
            """);
        command.Parameters.AddWithValue("subscriber", subscriber);
        command.Parameters.AddWithValue("position", position);
        await command.ExecuteNonQueryAsync(ct);
    }
}
