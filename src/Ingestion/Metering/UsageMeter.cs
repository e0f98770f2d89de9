using System.Diagnostics.Metrics;
using Contracts.Usage;

namespace Ingestion.Metering;

/// <summary>
/// Per-tenant intake counters: exported on /metrics with a tenant label, and accumulated per day until the reporter
/// sends them to Tenancy's usage rollups. Called once per request, so a short lock costs nothing that matters and
/// keeps the accumulated counts exact.
/// </summary>
public sealed class UsageMeter(TimeProvider clock)
{
    static readonly Meter Meter = new("Platform.Ingestion");
    static readonly Counter<long> Events = Meter.CreateCounter<long>("ingest.events", "{event}", "Log records accepted onto logs.raw.");
    static readonly Counter<long> Bytes = Meter.CreateCounter<long>("ingest.bytes", "By", "Request body bytes accepted (as received).");
    static readonly Counter<long> Rejected = Meter.CreateCounter<long>("ingest.rejected", "{event}", "Log records refused as invalid.");
    static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("ingest.rate_limited", "{event}", "Log records refused by rate limits or quotas.");

    readonly Lock gate = new();
    Dictionary<(string Tenant, DateOnly Day), UsageReported> pending = [];

    public void Record(string tenantId, long events, long bytes, long rejected, long rateLimited)
    {
        var tag = new KeyValuePair<string, object?>("tenant", tenantId);
        if (events > 0) Events.Add(events, tag);
        if (bytes > 0) Bytes.Add(bytes, tag);
        if (rejected > 0) Rejected.Add(rejected, tag);
        if (rateLimited > 0) RateLimited.Add(rateLimited, tag);
        Add(new UsageReported(tenantId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), events, bytes, rejected, rateLimited));
    }

    /// <summary>Takes everything counted since the last call.</summary>
    public IReadOnlyList<UsageReported> Drain()
    {
        lock (gate)
        {
            var taken = pending.Values.ToList();
            pending = [];
            return taken;
        }
    }

    /// <summary>Puts back reports that could not be sent, so they go with the next attempt.</summary>
    public void Restore(IEnumerable<UsageReported> reports)
    {
        foreach (var report in reports) Add(report);
    }

    void Add(UsageReported delta)
    {
        lock (gate)
        {
            pending[(delta.TenantId, delta.Day)] = pending.TryGetValue((delta.TenantId, delta.Day), out var sum)
                ? sum with
                {
                    Events = sum.Events + delta.Events, Bytes = sum.Bytes + delta.Bytes,
                    Rejected = sum.Rejected + delta.Rejected, RateLimited = sum.RateLimited + delta.RateLimited,
                }
                : delta;
        }
    }
}
