using Contracts.Logs;

namespace Ingestion.Protocols;

/// <summary>
/// What a parser needs to know about the request besides its body: whose data it is, when it arrived (the parsers never
/// read the clock, so results are reproducible), and the per-record limits to enforce.
/// </summary>
public sealed record IngestContext(string Tenant, long ReceivedNanos, LogRecordLimits Limits)
{
    public static IngestContext At(string tenant, DateTimeOffset receivedAt, LogRecordLimits? limits = null) =>
        new(tenant, (receivedAt.UtcTicks - DateTime.UnixEpoch.Ticks) * 100, limits ?? LogRecordLimits.Default);
}
