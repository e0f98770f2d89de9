using System.Diagnostics.Metrics;

namespace BuildingBlocks.TenantConfig;

static class TenantConfigMetrics
{
    public const string MeterName = "Platform.TenantConfig";

    static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Applied = Meter.CreateCounter<long>("tenant_config.messages.applied", "{message}",
        "Configuration messages that replaced an older version of their entity.");
    public static readonly Counter<long> Stale = Meter.CreateCounter<long>("tenant_config.messages.stale", "{message}",
        "Configuration messages ignored because the cache already held that version or a newer one.");
    public static readonly Counter<long> Unreadable = Meter.CreateCounter<long>("tenant_config.messages.unreadable", "{message}",
        "Configuration messages skipped because their envelope or payload could not be read.");
    public static readonly Counter<long> SnapshotLoads = Meter.CreateCounter<long>("tenant_config.snapshot.loads", "{snapshot}",
        "Configuration snapshots loaded from Tenancy.");

    public static KeyValuePair<string, object?> Type(string messageType) => new("type", messageType);
}
