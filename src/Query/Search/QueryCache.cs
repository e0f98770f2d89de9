using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Query.Search;

/// <summary>
/// Answers of finished time ranges, cached per tenant in Redis for five minutes. A range is finished when it ends at
/// least <see cref="FinishedAfter"/> ago; a line for such a time can still arrive late, so the indexer bumps the
/// tenant's epoch before a late line becomes searchable, and the epoch is part of every cache key: new data in a
/// cached range makes its entries unreachable. Without Redis, queries simply run uncached.
/// </summary>
public sealed class QueryCache(IConnectionMultiplexer redis, ILogger<QueryCache> logger)
{
    public static readonly TimeSpan FinishedAfter = TimeSpan.FromSeconds(30);
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public static bool IsFinished(long toNanos) =>
        toNanos <= (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks - FinishedAfter.Ticks) * 100;

    /// <summary>
    /// Retires every cached answer of the tenant. Called by the indexer, before the lines become searchable, for a batch
    /// holding lines older than <see cref="FinishedAfter"/>, and after retention or a delete-by-query removed lines.
    /// </summary>
    public void NoteLateData(string tenant)
    {
        try
        {
            redis.GetDatabase().StringIncrement(EpochKey(tenant), flags: CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not invalidate cached queries of {Tenant}", tenant);
        }
    }

    public string? TryGet(string tenant, string request, out string key)
    {
        key = "";
        try
        {
            var database = redis.GetDatabase();
            key = $"query:cache:{tenant}:{(long?)database.StringGet(EpochKey(tenant)) ?? 0}:{Hash(request)}";
            return database.StringGet(key);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "The query cache is unavailable; running the query");
            return null;
        }
    }

    public void Set(string key, string answer)
    {
        if (key.Length == 0) return;
        try
        {
            redis.GetDatabase().StringSet(key, answer, Lifetime, flags: CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning(e, "Could not cache a query answer");
        }
    }

    static string EpochKey(string tenant) => $"query:epoch:{tenant}";

    static string Hash(string request) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
}
