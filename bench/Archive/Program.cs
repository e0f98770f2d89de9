using Archive.Bench;
using BuildingBlocks.DevHosting;
using BuildingBlocks.TenantConfig;
using Contracts.Config;
using Query.Archive;
using Query.Bench;

// Archive tier benchmark: the issue's "compression ratio against raw NDJSON on the loghub-based data (goal >= 15x) and
// the archive scan rate". N records of one tenant over one past UTC day (loghub lines only, then bench/Query's mix of
// loghub lines and application logs) go into the Query service's read model in-process, as the indexer would put them
// (heads flushed as hot segments); the service's ArchiveTiering moves the day into one archive object in Azurite
// (started by DevHosting); then SearchExecutor scans it cold and warm and finds the planted needles.
// Usage: dotnet run -c Release --project bench/Archive -- [lines=2000000]
var lines = args.Length > 0 ? long.Parse(args[0]) : 2_000_000;
if (lines < 1_000) throw new ArgumentException("at least 1,000 lines (the needles alone take 160 records)");
var loghub = Loghub.Load(Path.Combine(RepositoryLayout.FindRoot(), "..", "shared", "data", "loghub"));
var needles = Needles.Plan(lines);
var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
var options = new ArchiveOptions { HotWindow = TimeSpan.FromDays(1) }; // the day before yesterday is past it
string[] tenants = ["bench-loghub", "bench-mixed"];
var config = new TenantConfigCache(TimeProvider.System);
config.Load(new ConfigSnapshot([.. tenants.Select(t => new TenantConfig(t, t, "active", "enterprise",
    new PlanQuotas(1_000_000_000, 100 << 20, 1_000_000, 90), 30, "trace", 1))], [], [], []));

Console.WriteLine($"Starting Azurite ({Environment.ProcessorCount} cores, load average {Report.LoadAverage()}; " +
    $"{loghub.Lines.Count:N0} loghub lines, {loghub.Lines.Select(l => l.Message).Distinct().Count():N0} distinct)…");
await using var azurite = await Azurite.StartAsync();
var reports = new List<Report>();
foreach (var mixed in new[] { false, true })
{
    var data = new DayOfLogs(tenants[mixed ? 1 : 0], lines, day, loghub, needles, mixed, ScanProbe.Word);
    reports.Add(await DayRun.RunAsync(data, needles, azurite, config, options));
}

Console.WriteLine();
Console.WriteLine($"archive benchmark, {Environment.ProcessorCount} cores, load average {Report.LoadAverage()} (MiB = 2^20 bytes):");
foreach (var report in reports) report.Print();
var failures = reports.SelectMany(r => r.Failures()).ToList();
foreach (var failure in failures) Console.WriteLine($"FAILED {failure}");
return failures.Count == 0 ? 0 : 1;
