using System.Text.Json;
using BuildingBlocks.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Tenancy.Storage;

/// <summary>
/// Read models stored as JSON documents, one table per kind (tenants, api_keys, pipelines, alert_rules), keyed by id
/// and indexed by tenant. Projections write them inside the event store's transaction.
/// </summary>
public sealed class Documents(NpgsqlDataSource db)
{
    public static async Task<T?> GetAsync<T>(NpgsqlConnection connection, string table, string id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select doc::text from {table} where id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync(ct) is string json ? JsonSerializer.Deserialize<T>(json, EventTypeRegistry.Json) : default;
    }

    public static async Task UpsertAsync<T>(NpgsqlConnection connection, string table, string id, string tenantId, T doc, int version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {table} (id, tenant_id, doc, version) values (@id, @tenant, @doc, @version)
            on conflict (id) do update set doc = excluded.doc, version = excluded.version, updated_at = now()
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("doc", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(doc, EventTypeRegistry.Json));
        command.Parameters.AddWithValue("version", version);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<T?> GetAsync<T>(string table, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await GetAsync<T>(connection, table, id, ct);
    }

    /// <summary>All documents of a table, or of one tenant when <paramref name="tenantId"/> is given, by id.</summary>
    public async Task<List<T>> ListAsync<T>(string table, string? tenantId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(tenantId is null
            ? $"select doc::text from {table} order by id"
            : $"select doc::text from {table} where tenant_id = @tenant order by id");
        if (tenantId is not null) command.Parameters.AddWithValue("tenant", tenantId);
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), EventTypeRegistry.Json)!);
        return result;
    }
}
