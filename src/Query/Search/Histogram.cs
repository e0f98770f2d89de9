using Query.Language;

namespace Query.Search;

/// <summary>Turns grouped bucket counts into aligned, zero-filled buckets over the whole query range.</summary>
public static class Histogram
{
    public static long IntervalNanos(HistogramStage stage) => stage.Interval.Ticks * 100;

    public static SearchResponse Fill(Table counts, HistogramStage stage, QueryContext query)
    {
        var interval = IntervalNanos(stage);
        var request = query.Request;
        var first = Floor(request.FromNanos, interval);
        var last = Floor(request.ToNanos - 1, interval);
        var buckets = (last - first) / interval + 1;
        if (buckets > Aggregation.MaxBuckets)
            throw new QueryBudgetException(422, $"A {stage.Interval} histogram over this range has {buckets:N0} buckets (at most {Aggregation.MaxBuckets:N0}); use a larger interval.");

        var grouped = stage.By is not null;
        var found = counts.Rows.ToDictionary(r => (Bucket: (long)r[0]!, Group: grouped ? (string?)r[1] : null), r => (long)r[^1]!);
        var groups = grouped
            ? counts.Rows.GroupBy(r => (string?)r[1]).OrderByDescending(g => g.Sum(r => (long)r[^1]!)).Select(g => g.Key).ToList()
            : [null];
        var rows = new List<object?[]>();
        for (var bucket = first; bucket <= last; bucket += interval)
            foreach (var group in groups)
            {
                var count = found.GetValueOrDefault((bucket, group));
                rows.Add(grouped ? [LineSearch.Rfc3339(bucket), group, count] : [LineSearch.Rfc3339(bucket), count]);
            }
        var columns = new List<ResultColumn> { new("time", "timestamp") };
        if (grouped) columns.Add(new ResultColumn(stage.By!.Name, "string"));
        columns.Add(new ResultColumn("count", "long"));
        return new SearchResponse(null, columns, rows, rows.Count, 0, null, query.ScannedAll());
    }

    static long Floor(long value, long interval) => value - (((value % interval) + interval) % interval);
}
