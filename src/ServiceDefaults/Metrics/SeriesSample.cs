namespace ServiceDefaults.Metrics;

/// <summary>
/// One series as read at scrape time, in the exported unit. For a histogram <see cref="Value"/> is the sum of the
/// observations and <see cref="BucketCounts"/> holds per-bucket (not cumulative) counts, the last one for +Inf.
/// </summary>
internal sealed record SeriesSample(string Labels, double Value, long[] BucketCounts)
{
    public SeriesSample Plus(SeriesSample other) => this with
    {
        Value = Value + other.Value,
        BucketCounts = [.. BucketCounts.Zip(other.BucketCounts, (a, b) => a + b)],
    };
}
