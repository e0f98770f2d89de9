using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Tenancy.Storage;

/// <summary>
/// Idempotency-Key support: the first request with a key claims it, a retry with the same key and body gets the
/// stored answer, the same key with another body is refused. Answers are stored without secrets.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource db)
{
    public abstract record Claim;
    public sealed record Claimed : Claim;
    public sealed record Replay(int Status, JsonElement Body) : Claim;
    public sealed record InProgress : Claim;
    public sealed record Mismatch : Claim;

    public static string HashOf<T>(T body) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));

    public async Task<Claim> ClaimAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        await using var insert = db.CreateCommand("""
            insert into idempotency_keys (scope, key, request_hash) values (@scope, @key, @hash) on conflict do nothing
            """);
        Bind(insert, scope, key);
        insert.Parameters.AddWithValue("hash", requestHash);
        if (await insert.ExecuteNonQueryAsync(ct) == 1) return new Claimed();

        await using var select = db.CreateCommand("select request_hash, status, body::text from idempotency_keys where scope = @scope and key = @key");
        Bind(select, scope, key);
        await using var reader = await select.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return new InProgress();
        if (reader.GetString(0) != requestHash) return new Mismatch();
        return reader.IsDBNull(1) ? new InProgress() : new Replay(reader.GetInt32(1), JsonDocument.Parse(reader.GetString(2)).RootElement.Clone());
    }

    public async Task CompleteAsync<T>(string scope, string key, int status, T body, CancellationToken ct)
    {
        await using var update = db.CreateCommand("update idempotency_keys set status = @status, body = @body where scope = @scope and key = @key");
        Bind(update, scope, key);
        update.Parameters.AddWithValue("status", status);
        update.Parameters.AddWithValue("body", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(body, BuildingBlocks.EventStore.EventTypeRegistry.Json));
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The request failed: let a corrected retry use the same key.</summary>
    public async Task ReleaseAsync(string scope, string key)
    {
        await using var delete = db.CreateCommand("delete from idempotency_keys where scope = @scope and key = @key and status is null");
        Bind(delete, scope, key);
        await delete.ExecuteNonQueryAsync();
    }

    static void Bind(NpgsqlCommand command, string scope, string key)
    {
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
    }
}
