using System.Diagnostics;
using System.Globalization;

namespace Query.Bench;

/// <summary>
/// Follows the Query service's <c>query_indexer_records_total</c> counter for the tenant while the loader publishes,
/// prints progress, and works out the indexing rates: overall (first publish → all indexed) and while the indexer
/// had a backlog (only the polling intervals that began with acknowledged records waiting, after indexing began).
/// </summary>
sealed class IndexerWatch(HttpClient query, string tenant)
{
    public sealed record Sample(long Indexed, double FlushSeconds, long Flushes);

    public sealed record Result(long Indexed, TimeSpan? AllIndexedAfter, TimeSpan? FirstIndexedAfter, double BacklogRate, TimeSpan BacklogTime);

    long latest;

    /// <summary>The count of the latest poll (the loader paces itself by it).</summary>
    public long Latest => Interlocked.Read(ref latest);

    public async Task<long> IndexedAsync() => (await SampleAsync()).Indexed;

    /// <summary>One scrape of /metrics (about 50 KB of text, a few ms of the service's CPU).</summary>
    public async Task<Sample> SampleAsync()
    {
        var lines = (await query.GetStringAsync("/metrics")).Split('\n');
        return new Sample((long)Sum(lines, "query_indexer_records_total", $"tenant=\"{tenant}\""),
            Sum(lines, "query_flush_duration_seconds_sum", null), (long)Sum(lines, "query_flush_duration_seconds_count", null));
    }

    /// <summary>The service's own query_* figures (counters and sums, no histogram buckets), for the report.</summary>
    public async Task<IEnumerable<string>> QueryMetricsAsync() =>
        (await query.GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("query_", StringComparison.Ordinal) && !l.Contains("_bucket{", StringComparison.Ordinal));

    /// <summary>Polls until <paramref name="target"/> records are indexed, or nothing moved for <paramref name="stall"/> while records were waiting.</summary>
    public async Task<Result> WaitAsync(long target, Loader loader, Task loading, Stopwatch sinceFirstPublish, TimeSpan stall)
    {
        long lastIndexed = 0, lastPublished = 0;
        TimeSpan lastTime = TimeSpan.Zero, lastChange = TimeSpan.Zero, lastPrint = TimeSpan.Zero;
        TimeSpan? firstIndexed = null;
        double backlogSeconds = 0, backlogRecords = 0;
        while (true)
        {
            await Task.Delay(100);
            var published = loader.Published;
            var indexed = await IndexedAsync();
            Interlocked.Exchange(ref latest, indexed);
            var now = sinceFirstPublish.Elapsed;
            if (indexed > 0) firstIndexed ??= now;
            if (indexed != lastIndexed) lastChange = now;
            if (lastIndexed > 0 && lastPublished > lastIndexed)
            {
                backlogSeconds += (now - lastTime).TotalSeconds;
                backlogRecords += indexed - lastIndexed;
            }
            if (now - lastPrint >= TimeSpan.FromSeconds(3) || indexed >= target)
            {
                Console.WriteLine($"  {now.TotalSeconds,6:0.0} s   published {published,12:N0}   indexed {indexed,12:N0}   ({indexed / Math.Max(now.TotalSeconds, 0.001):N0}/s so far)");
                lastPrint = now;
            }
            (lastIndexed, lastPublished, lastTime) = (indexed, published, now);
            var rate = backlogSeconds > 0 ? backlogRecords / backlogSeconds : double.NaN;
            if (indexed >= target) return new Result(indexed, now, firstIndexed, rate, TimeSpan.FromSeconds(backlogSeconds));
            if (loading.IsFaulted) await loading;
            if ((loading.IsCompleted || published > indexed) && now - lastChange > stall)
                return new Result(indexed, null, firstIndexed, rate, TimeSpan.FromSeconds(backlogSeconds));
        }
    }

    static double Sum(string[] lines, string name, string? label)
    {
        double total = 0;
        foreach (var line in lines)
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length) continue;
            var rest = line.AsSpan(name.Length);
            if (rest[0] == '{')
            {
                var close = rest.IndexOf('}');
                if (label is not null && !rest[..close].Contains(label, StringComparison.Ordinal)) continue;
                rest = rest[(close + 1)..];
            }
            else if (rest[0] != ' ') continue;
            rest = rest.Trim();
            var space = rest.IndexOf(' ');
            total += double.Parse(space < 0 ? rest : rest[..space], CultureInfo.InvariantCulture);
        }
        return total;
    }
}
