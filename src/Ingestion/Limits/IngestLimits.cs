namespace Ingestion.Limits;

/// <summary>A tenant's intake limits, from its plan.</summary>
public sealed record IngestLimits(long LinesPerSecond, long BytesPerSecond, long EventsPerDay)
{
    /// <summary>Buckets hold this many seconds of traffic, so a burst (one large batch) after a quiet spell is admitted.</summary>
    public const int BurstSeconds = 5;
}

/// <summary>
/// How much of a request may go in: <see cref="Lines"/> of the requested lines (all of them, or none when the caller
/// asked for all-or-nothing). <see cref="RetryAfter"/> says when the rest would fit.
/// </summary>
public readonly record struct Admission(int Lines, long Remaining, TimeSpan RetryAfter, string? Reason)
{
    public bool All(int requested) => Lines == requested;
}

public interface IRateLimiter
{
    /// <param name="partial">true: admit as many lines as fit; false: all or none.</param>
    Task<Admission> AdmitAsync(string tenantId, IngestLimits limits, int lines, long bytes, bool partial);
}
