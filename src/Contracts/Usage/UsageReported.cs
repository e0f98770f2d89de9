namespace Contracts.Usage;

/// <summary>
/// Counts one Ingestion instance added for a tenant and day since its previous report (deltas, not totals), on the
/// usage topic. Tenancy adds them to its daily rollups, once per message id.
/// </summary>
public sealed record UsageReported(string TenantId, DateOnly Day, long Events, long Bytes, long Rejected, long RateLimited, int V = 1)
{
    public const string Type = "usage.reported.v1";
}
