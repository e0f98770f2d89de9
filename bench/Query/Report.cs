namespace Query.Bench;

/// <summary>The figures of one run, printed as a summary against the goals; failures and the service's complaints last.</summary>
sealed class Report(long lines)
{
    public List<string> Failures { get; } = [];
    public IndexingRun? Indexing { get; set; }
    public NeedleProbe.Result? Needles { get; set; }
    public AggregationProbe.Result? Aggregations { get; set; }
    public FreshnessProbe.Result? Freshness { get; set; }
    public Figures.Storage? Storage { get; set; }
    public long RawNdjsonBytes { get; set; }
    public long PeakRss { get; set; }
    public double SearchQueryCores { get; set; }
    public double FreshnessQueryCores { get; set; }
    public List<string> QueryMetrics { get; set; } = [];

    public void Print(string queryLog)
    {
        Console.WriteLine();
        Console.WriteLine($"query benchmark, {lines:N0} records (1 tenant, 24 h), {Environment.ProcessorCount} cores:");
        if (Indexing is { } run)
        {
            var progress = run.Progress;
            Console.WriteLine($"  indexing       {lines / run.Wall.TotalSeconds:N0} lines/s first publish → all indexed ({run.Wall.TotalSeconds:0.0} s; goal >= 100,000)");
            Console.WriteLine($"                 {progress.BacklogRate:N0} lines/s while backlogged ({progress.BacklogTime.TotalSeconds:0.0} s); " +
                $"first record indexed after {progress.FirstIndexedAfter?.TotalSeconds:0.0} s; publishing took {run.Publishing.TotalSeconds:0.0} s, {run.Throttled.TotalSeconds:0.0} s of it waiting for the indexer");
            Console.WriteLine($"                 Query CPU {run.QueryCores:0.00} cores, this process (loader, Kafka mock) {run.BenchCores:0.00}, machine {run.MachineBusy:P0} busy; {run.Flushes} flushes took {run.FlushSeconds:0.0} s " +
                $"({run.FlushSeconds / run.Wall.TotalSeconds:P0} of the time; the consumer waits meanwhile)");
        }
        if (Needles is { Searches.Count: > 0 } needles)
        {
            var stats = needles.Stats.ToList();
            Console.WriteLine($"  needle search  client p50 {Figures.Percentile(needles.ClientMs, 50):0} ms  p95 {Figures.Percentile(needles.ClientMs, 95):0} ms " +
                $"(goal p95 < 300 ms); server p50 {Figures.Percentile(needles.ServerMs, 50):0} ms; {needles.Searches.Count} searches, {needles.Mismatches.Count} wrong");
            Console.WriteLine($"                 Query CPU {SearchQueryCores:0.00} cores while searching (one search at a time)");
            Console.WriteLine($"                 round 1 p95 {Figures.Percentile(needles.Searches.Where(r => r.Round == 1).Select(r => r.ClientMs), 95):0} ms, " +
                $"rounds 2–3 p95 {Figures.Percentile(needles.Searches.Where(r => r.Round > 1).Select(r => r.ClientMs), 95):0} ms");
            Console.WriteLine($"                 per search: blocks skipped {stats.Average(s => s.BlocksSkipped):N1} / scanned {stats.Average(s => s.BlocksScanned):N1}, " +
                $"segments skipped {stats.Average(s => s.SegmentsSkipped):N1} / scanned {stats.Average(s => s.SegmentsScanned):N1}, read {Figures.Mib(stats.Average(s => s.BytesRead))}");
        }
        if (Aggregations is { Runs.Count: > 0 } aggregations) PrintAggregations(aggregations);
        if (Freshness is { } fresh)
            Console.WriteLine($"  ingest→search  p50 {Figures.Percentile(fresh.Ms, 50):0} ms  p95 {Figures.Percentile(fresh.Ms, 95):0} ms  " +
                $"max {fresh.Ms.DefaultIfEmpty(double.NaN).Max():0} ms (goal p95 < 2 s); {fresh.TimedOut} timed out; Query CPU {FreshnessQueryCores:0.00} cores meanwhile");
        if (Storage is { } storage)
        {
            Console.WriteLine($"  storage        {(double)RawNdjsonBytes / Math.Max(1, storage.TotalBytes):0.0}x raw NDJSON / data directory: " +
                $"{Figures.Mib(RawNdjsonBytes)} / {Figures.Mib(storage.TotalBytes)} (goal >= 8x)");
            Console.WriteLine($"                 {storage.ParquetFiles} *.parquet ({Figures.Mib(storage.ParquetBytes)}), {storage.IndexFiles} *.idx " +
                $"({Figures.Mib(storage.IndexBytes)}), {storage.OtherFiles} other files");
        }
        Console.WriteLine($"  Query memory   peak RSS (VmHWM) {PeakRss / 1024.0 / 1024 / 1024:0.00} GiB (goal <= 1.5 GiB)");
        Console.WriteLine("  Query metrics");
        foreach (var line in QueryMetrics) Console.WriteLine($"                 {line}");
        if (Failures.Count == 0) return;

        Console.WriteLine();
        Console.WriteLine($"FAILED ({Failures.Count}):");
        foreach (var failure in Failures) Console.WriteLine($"  {failure}");
        Console.WriteLine("Query service warnings and errors (last 20):");
        foreach (var line in File.ReadLines(queryLog)
                     .Where(l => l.Contains("\"LogLevel\":\"Warning\"") || l.Contains("\"LogLevel\":\"Error\"") || l.Contains("\"LogLevel\":\"Critical\""))
                     .Where(l => !l.Contains("HealthCheckService", StringComparison.Ordinal)).TakeLast(20))
            Console.WriteLine($"  {line[..Math.Min(line.Length, 1500)]}");
    }

    void PrintAggregations(AggregationProbe.Result result)
    {
        var goals = new[] { (AggregationProbe.LevelHistogram, "level histogram", "300 ms"), (AggregationProbe.CountByService, "count by service", "1 s") };
        foreach (var (query, label, goal) in goals)
        {
            var runs = result.UncachedRuns(query);
            if (runs.Count == 0) continue;
            var stats = runs.Select(r => r.Stats).ToList();
            Console.WriteLine($"  {label,-16} client p50 {Figures.Percentile(runs.Select(r => r.ClientMs), 50):0} ms  p95 {Figures.Percentile(runs.Select(r => r.ClientMs), 95):0} ms " +
                $"(goal < {goal}); server p50 {Figures.Percentile(runs.Select(r => r.ServerMs), 50):0} ms  p95 {Figures.Percentile(runs.Select(r => r.ServerMs), 95):0} ms; " +
                $"'{query}', 24 h, {runs.Count} uncached runs, round 1 {runs[0].ClientMs:0} ms");
            Console.WriteLine($"                 per run: segments scanned {stats.Average(s => s.SegmentsScanned):N0}, blocks scanned {stats.Average(s => s.BlocksScanned):N0}, " +
                $"read {Figures.Mib(stats.Average(s => s.BytesRead))}");
        }
        Console.WriteLine($"                 Query CPU {result.Uncached.QueryCores:0.00} cores while aggregating (one query at a time), machine {result.Uncached.MachineBusy:P0} busy; " +
            $"{result.Mismatches.Count} wrong answers");
        foreach (var query in AggregationProbe.Queries)
        {
            var runs = result.RepeatedRuns(query);
            if (runs.Count == 0) continue;
            var repeats = runs.Skip(1).ToList();
            Console.WriteLine($"  cached repeat  client p50 {Figures.Percentile(repeats.Select(r => r.ClientMs), 50):0.0} ms  p95 {Figures.Percentile(repeats.Select(r => r.ClientMs), 95):0.0} ms " +
                $"(goal p95 < 20 ms); '{query}' over a finished 24 h, {repeats.Count(r => r.Cached)} of {repeats.Count} repeats cached; " +
                $"max {repeats.Select(r => r.ClientMs).DefaultIfEmpty(double.NaN).Max():0} ms; the first (a miss) {runs[0].ClientMs:0} ms");
        }
        Console.WriteLine($"                 Query CPU {result.Repeated.QueryCores:0.00} cores while repeating, machine {result.Repeated.MachineBusy:P0} busy");
    }
}
