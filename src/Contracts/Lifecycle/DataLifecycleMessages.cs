namespace Contracts.Lifecycle;

/// <summary>
/// What the Query context deleted of a tenant's logs, on the data.lifecycle topic (key = tenant). Tenancy records
/// each message once (by envelope id) in the tenant's audit trail. Additive changes only; V is the schema version.
/// </summary>
public static class DataLifecycleMessageTypes
{
    public const string DataPurged = "data.purged.v1";
    public const string TenantDataDeleted = "tenant.data-deleted.v1";
}

/// <summary>
/// Lines deleted from one tenant day, in both tiers. <paramref name="Reason"/> is "retention" (the day is past the
/// tenant's retention) or "delete-by-query" (then <paramref name="Query"/> holds the query and <paramref name="KeyId"/>
/// the key that asked).
/// </summary>
public sealed record DataPurged(string TenantId, string Reason, DateOnly Day, string? Query, string? KeyId, long Lines,
    int HotSegments, int ArchiveObjects, DateTimeOffset At, int V = 1);

/// <summary>Every line of a deleted tenant is gone from every tier: the answer to its deletion request.</summary>
public sealed record TenantDataDeleted(string TenantId, long Lines, int HotSegments, int ArchiveObjects, DateTimeOffset At, int V = 1);
