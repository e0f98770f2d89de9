using Query.Language;
using Query.Segments;

namespace Query.Search;

/// <summary>
/// Counts that a segment's block index already holds. A filter-less <c>count</c>, <c>count by level</c>,
/// <c>histogram</c> or <c>histogram by level</c> needs only rows per level and time, and a segment that lies wholly
/// inside the range (and, for a histogram, inside one bucket: hot segments hold one hour each) is added up from its
/// index instead of being read. Segments cut by the range's ends, and the heads, are still read; the results agree
/// with a full scan exactly.
/// </summary>
public static class IndexAnswers
{
    static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];

    public static bool Apply(QueryPlan plan) =>
        plan is { Filter: MatchAll, Sort: null, Limit: null }
        && plan.Aggregation switch
        {
            CountStage count => count.By.Count == 0 || (count.By.Count == 1 && IsLevel(count.By[0])),
            HistogramStage histogram => histogram.By is null || IsLevel(histogram.By),
            _ => false,
        };

    public static bool Covers(Segment segment, SearchRequest request) =>
        segment.MinTimeNanos >= request.FromNanos && segment.MaxTimeNanos < request.ToNanos
        && (request.Plan.Aggregation is not HistogramStage histogram
            || Bucket(segment.MinTimeNanos, histogram) == Bucket(segment.MaxTimeNanos, histogram));

    /// <summary>Adds the segments' counts to what the scan of the other sources found (rows as <see cref="Aggregation"/> reads them).</summary>
    public static Table Add(Table scanned, IReadOnlyList<Segment> segments, QueryPlan plan)
    {
        if (segments.Count == 0) return scanned;
        var byLevel = plan.Aggregation is CountStage { By.Count: 1 } or HistogramStage { By: not null };
        var histogram = plan.Aggregation as HistogramStage;
        var counts = new Dictionary<(long Bucket, string? Level), long>();
        foreach (var row in scanned.Rows)
        {
            var bucket = histogram is null ? 0 : (long)row[0]!;
            var level = byLevel ? (string?)row[histogram is null ? 0 : 1] : null;
            counts[(bucket, level)] = counts.GetValueOrDefault((bucket, level)) + (long)row[^1]!;
        }
        foreach (var segment in segments)
        foreach (var block in segment.Index.Blocks)
            for (var level = 0; level < block.LevelCounts.Length; level++)
            {
                if (block.LevelCounts[level] == 0) continue;
                var key = (histogram is null ? 0 : Bucket(block.MinTimeNanos, histogram), byLevel ? LevelNames[level] : null);
                counts[key] = counts.GetValueOrDefault(key) + block.LevelCounts[level];
            }
        var rows = counts.Select(c => histogram is null
                ? byLevel ? new object?[] { c.Key.Level, c.Value } : [c.Value]
                : byLevel ? [c.Key.Bucket, c.Key.Level, c.Value] : new object?[] { c.Key.Bucket, c.Value });
        // The order the scan's SQL gives a count: most first, then by group.
        if (histogram is null && byLevel) rows = rows.OrderByDescending(r => (long)r[1]!).ThenBy(r => (string?)r[0], StringComparer.Ordinal);
        if (histogram is null && !byLevel && counts.Count == 0) rows = [[0L]];
        return scanned with { Rows = [.. rows] };
    }

    static bool IsLevel(FieldRef field) => field.Name.Equals("level", StringComparison.OrdinalIgnoreCase);

    static long Bucket(long timeNanos, HistogramStage histogram)
    {
        var interval = Histogram.IntervalNanos(histogram);
        return timeNanos - (((timeNanos % interval) + interval) % interval);
    }
}
