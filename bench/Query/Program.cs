using System.Diagnostics;
using BuildingBlocks.DevHosting;
using Query.Bench;
using TestInfrastructure;

// Whole-system Query benchmark: PostgreSQL, Redis, Kafka (mock cluster), Azurite, Tenancy, Ingestion, Processing
// and Query run as on a developer machine. N records of one tenant (half loghub lines, half application logs, over
// the last 24 h, with planted needles) are published to logs.processed as Processing would; then it measures the
// indexing rate, needle searches, aggregations (uncached and cached), ingest-to-searchable latency, storage ratio and
// the Query service's peak memory.
// Usage: dotnet run -c Release --project bench/Query [lines=10000000] [backlogMiB=6]
var lines = args.Length > 0 ? long.Parse(args[0]) : 10_000_000;
var backlogMib = args.Length > 1 ? int.Parse(args[1]) : 6;
if (lines < 1_000) throw new ArgumentException("at least 1,000 lines (the needles alone take 160 records)");
var loghub = Loghub.Load(Path.Combine(RepositoryLayout.FindRoot(), "..", "shared", "data", "loghub"));
var report = new Report(lines);

Console.WriteLine($"Starting the stack ({Environment.ProcessorCount} cores, load average {Figures.LoadAverage()})…");
await using var stack = await PlatformStack.StartAsync("tenancy", "ingestion", "processing", "query");
var (tenant, key) = await stack.OnboardAsync("bench", plan: "enterprise");
var queryPid = stack.Pid("query")!.Value;

var end = DateTimeOffset.UtcNow;
var needles = Needles.Plan(lines);
Console.WriteLine($"Generating {lines:N0} records over the 24 h before {end:u} ({loghub.Lines.Count:N0} loghub lines to draw from)…");
var generation = Stopwatch.StartNew();
var dataset = Dataset.Generate(tenant, lines, loghub, needles, end);
Console.WriteLine($"  {dataset.Batches.Count:N0} batches in {generation.Elapsed.TotalSeconds:0.0} s: raw NDJSON {Figures.Mib(dataset.RawNdjsonBytes)} " +
    $"({dataset.RawNdjsonBytes / (double)lines:0} bytes/line), encoded {Figures.Mib(dataset.EncodedBytes)}");

using var query = stack.Client("query", key);
var watch = new IndexerWatch(query, tenant);
Console.WriteLine($"Publishing to logs.processed and indexing (indexed before: {await watch.IndexedAsync():N0}, load average {Figures.LoadAverage()})…");
var loader = new Loader(stack.Kafka.ConnectionString, tenant);
report.Indexing = await IndexingRun.MeasureAsync(dataset, loader, watch, queryPid, backlogBytes: (long)backlogMib << 20);
if (report.Indexing.Progress.AllIndexedAfter is null)
{
    report.Failures.Add($"indexing stalled at {report.Indexing.Progress.Indexed:N0} of {lines:N0} records");
    var onTopic = TopicCheck.Count(stack.Kafka.ConnectionString);
    Console.WriteLine($"  STALLED; logs.processed offsets {onTopic.LowWatermark:N0}–{onTopic.HighWatermark:N0} hold {onTopic.Messages:N0} messages " +
        $"({onTopic.DistinctBatches:N0} batch ids) with {onTopic.Records:N0} records; {loader.Published:N0} records were acknowledged");
}
report.RawNdjsonBytes = dataset.RawNdjsonBytes;
dataset.Batches.Clear(); // ~2 GB of encoded batches at 10 M lines; the broker has its own copy
GC.Collect();

await Task.Delay(TimeSpan.FromSeconds(5)); // the last flush lands
var indexedAfterWait = await watch.IndexedAsync();
if (indexedAfterWait != lines) report.Failures.Add($"the indexer counted {indexedAfterWait:N0} records, {lines:N0} were published");

var search = new SearchClient(query, end - TimeSpan.FromHours(25));
Console.WriteLine($"Needle searches ({needles.All.Count} needles × 3)…");
report.Needles = await Figures.WithCpu(queryPid, () => NeedleProbe.RunAsync(search, needles.All), cores => report.SearchQueryCores = cores);
foreach (var mismatch in report.Needles.Mismatches) Console.WriteLine($"  MISMATCH {mismatch}");
foreach (var slow in report.Needles.Searches.OrderByDescending(r => r.ClientMs).Take(3))
    Console.WriteLine($"  slowest: round {slow.Round} '{slow.Query}' {slow.ClientMs:0} ms (server {slow.ServerMs:0} ms), blocks scanned " +
        $"{slow.Stats.BlocksScanned}, segments scanned {slow.Stats.SegmentsScanned}, read {Figures.Mib(slow.Stats.BytesRead)}");
if (report.Needles.Mismatches.Count > 0)
    report.Failures.Add($"{report.Needles.Mismatches.Count} needle searches found other than the planted records (listed above)");

// The data set's 24 h; its first records are up to 3 s early (jitter). The freshness probes below add lines, so this comes first.
var day = end - TimeSpan.FromHours(24) - TimeSpan.FromSeconds(5);
Console.WriteLine($"Aggregations over the 24 h ({string.Join(", ", AggregationProbe.Queries)}; 5 rounds uncached, then 50 over a finished range; " +
    $"load average {Figures.LoadAverage()})…");
report.Aggregations = await AggregationProbe.RunAsync(search, dataset.Tally, day, end, queryPid);
foreach (var aggregation in AggregationProbe.Queries)
    Console.WriteLine($"  '{aggregation}' uncached, in round order (client/server ms): " +
        string.Join("  ", report.Aggregations.UncachedRuns(aggregation).Select(r => $"{r.ClientMs:0}/{r.ServerMs:0}")));
foreach (var aggregation in AggregationProbe.Queries)
{
    var slowest = report.Aggregations.RepeatedRuns(aggregation).Skip(1).OrderByDescending(r => r.ClientMs).Take(5);
    Console.WriteLine($"  '{aggregation}' cached repeats, the five slowest (ms, #repeat): {string.Join("  ", slowest.Select(r => $"{r.ClientMs:0.0} #{r.Repeat}"))}");
}
foreach (var mismatch in report.Aggregations.Mismatches) Console.WriteLine($"  MISMATCH {mismatch}");
if (report.Aggregations.Mismatches.Count > 0)
    report.Failures.Add($"{report.Aggregations.Mismatches.Count} differences of aggregation answers from the generated counts or the cache (listed above)");

Console.WriteLine($"Ingest-to-searchable probes (50, load average {Figures.LoadAverage()})…");
using var ingestion = stack.Client("ingestion", key);
report.Freshness = await Figures.WithCpu(queryPid, () => FreshnessProbe.RunAsync(ingestion, search), cores => report.FreshnessQueryCores = cores);
Console.WriteLine($"  in probe order (ms): {string.Join(" ", report.Freshness.Ms.Select(ms => ms.ToString("0")))}");
if (report.Freshness.TimedOut > 0) report.Failures.Add($"{report.Freshness.TimedOut} of 50 probe lines not searchable within 30 s");

report.Storage = Figures.StorageOf(Path.Combine(stack.StateDirectory, "data", "query"));
report.PeakRss = Figures.StatusBytes(queryPid, "VmHWM");
report.QueryMetrics = [.. await watch.QueryMetricsAsync()];
report.Print(Path.Combine(stack.StateDirectory, "logs", "query.log"));
return report.Failures.Count == 0 ? 0 : 1;
