namespace Tenancy.DataLifecycle;

/// <summary>What Query deleted of a tenant's logs, as reported on data.lifecycle; <see cref="MessageId"/> is that report's envelope id.</summary>
public interface ITenantDataEvent
{
    string MessageId { get; }
}

/// <summary>Lines of one day deleted from both tiers, for retention or a delete-by-query (then with its query and key).</summary>
public sealed record TenantDataPurged(string MessageId, string Reason, DateOnly Day, string? Query, string? KeyId, long Lines, int HotSegments,
    int ArchiveObjects, DateTimeOffset At) : ITenantDataEvent;
/// <summary>Every line of a deleted tenant is gone from every tier.</summary>
public sealed record TenantDataErased(string MessageId, long Lines, int HotSegments, int ArchiveObjects, DateTimeOffset At) : ITenantDataEvent;

public static class TenantDataStream
{
    public static string For(string tenantId) => $"{tenantId}:data";
}
