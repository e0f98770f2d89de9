using System.Text.Json;
using StackExchange.Redis;

namespace Query.Search;

/// <summary>
/// Every query a tenant runs, newest first, kept in Redis as a capped list per tenant (the last 10,000) that the
/// tenant's admins can read. Recording never fails a query: without Redis the entry is logged instead.
/// </summary>
public sealed class QueryAudit(IConnectionMultiplexer redis, ILogger<QueryAudit> logger)
{
    public const int Kept = 10_000;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Record(QueryAuditEntry entry)
    {
        try
        {
            var database = redis.GetDatabase();
            var key = Key(entry.TenantId);
            database.ListLeftPush(key, JsonSerializer.Serialize(entry, Json), flags: CommandFlags.FireAndForget);
            database.ListTrim(key, 0, Kept - 1, CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Query audit entry not stored: {Tenant} {KeyId} {Query} {Status}", entry.TenantId, entry.KeyId, entry.Query, entry.Status);
        }
    }

    public IReadOnlyList<QueryAuditEntry> Recent(string tenant, int limit) =>
        [.. redis.GetDatabase().ListRange(Key(tenant), 0, limit - 1).Select(v => JsonSerializer.Deserialize<QueryAuditEntry>((string)v!, Json)!)];

    static string Key(string tenant) => $"query:audit:{tenant}";
}

public sealed record QueryAuditEntry(string TenantId, string KeyId, DateTimeOffset At, string Query, string From, string To,
    int Status, double DurationMs, long BytesRead, int ResultCount, bool Cached);
