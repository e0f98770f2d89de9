using System.Diagnostics;
using Query.Archive;
using Query.Bench;
using Query.Search;

namespace Archive.Bench;

/// <summary>
/// Reads of the archived day through <see cref="SearchExecutor"/>, as the query API runs them, each time on a read
/// model reopened over the folder with the local copies of the archive objects deleted (so a new DuckDB and an
/// empty archive cache): a full-scan aggregation cold (the object downloaded from Azurite first) then warm 5 times,
/// an aggregation of the lines holding a frequent word (every block holds it, so every message is read) warm 5 times,
/// every needle warm 3 times, and one needle cold. Every answer is checked against what was generated.
/// </summary>
static class ScanProbe
{
    public const string CountByService = "| count by service";
    public const string Word = "user";
    public const string WordByService = Word + " | count by service";

    public sealed record Run(string Query, double Ms, SearchStats Stats);

    public sealed record Result(Run Cold, List<Run> Warm, List<Run> WordScans, Run ColdNeedle, List<Run> Needles, double DownloadSeconds, List<string> Mismatches);

    public static Result Measure(string directory, DayOfLogs data, Needles needles, ArchiveStore store, ArchiveOptions options,
        IReadOnlyList<ArchiveEntry> catalog)
    {
        var objects = catalog.Count;
        var mismatches = new List<string>();
        Run cold;
        var warm = new List<Run>();
        var wordScans = new List<Run>();
        var needleRuns = new List<Run>();
        EmptyCache(directory);
        using (var local = LocalQuery.Open(directory, store, options))
        {
            cold = Aggregate(local, data, CountByService, data.ByService, objects, "cold", mismatches);
            if (LocalCopies(directory).Count() != objects)
                mismatches.Add($"the cold run left {LocalCopies(directory).Count()} local copies of {objects} archive objects");
            for (var round = 1; round <= 5; round++)
                warm.Add(Aggregate(local, data, CountByService, data.ByService, objects, $"warm {round}", mismatches));
            for (var round = 1; round <= 5; round++)
                wordScans.Add(Aggregate(local, data, WordByService, data.WithWordByService, objects, $"warm {round}", mismatches));
            for (var round = 1; round <= 3; round++)
                foreach (var needle in needles.All) needleRuns.Add(Find(local, data, needle, objects, mismatches));
        }
        var download = TimeDownloads(directory, data.Tenant, catalog, store);
        EmptyCache(directory);
        Run coldNeedle;
        using (var local = LocalQuery.Open(directory, store, options))
            coldNeedle = Find(local, data, needles.All[0], objects, mismatches);
        return new Result(cold, warm, wordScans, coldNeedle, needleRuns, download, mismatches);
    }

    static Run Aggregate(LocalQuery local, DayOfLogs data, string query, Dictionary<string, long> generated, int objects, string label,
        List<string> mismatches)
    {
        var started = Stopwatch.GetTimestamp();
        var response = local.Search(data.Tenant, query, data.StartNanos, data.EndNanos);
        var run = new Run(query, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Stats);
        var answered = response.Rows!.ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        foreach (var (service, count) in generated)
            if (answered.GetValueOrDefault(service) != count)
                mismatches.Add($"{label} '{query}': {service} {answered.GetValueOrDefault(service):N0}, generated {count:N0}");
        foreach (var service in answered.Keys.Except(generated.Keys))
            mismatches.Add($"{label} '{query}': {service} answered, never generated");
        CheckTiers(run, objects, label, mismatches);
        return run;
    }

    static Run Find(LocalQuery local, DayOfLogs data, Needles.Needle needle, int objects, List<string> mismatches)
    {
        var started = Stopwatch.GetTimestamp();
        var response = local.Search(data.Tenant, needle.Query, data.StartNanos, data.EndNanos);
        var run = new Run(needle.Query, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.Stats);
        var lines = response.Results!.Cast<SearchResult>().ToList();
        var found = lines.Count(l => needle.IsTraceId ? l.TraceId == needle.Value : l.Message.Contains(needle.Value, StringComparison.Ordinal));
        if (response.Count != needle.Planted || found != needle.Planted)
            mismatches.Add($"'{needle.Query}': {response.Count} lines ({found} with the needle), planted {needle.Planted}");
        CheckTiers(run, 0, needle.Query, mismatches);
        return run;
    }

    /// <summary>Everything is archived: the answer comes from the archive tier alone (a needle may skip every object but one).</summary>
    static void CheckTiers(Run run, int objects, string label, List<string> mismatches)
    {
        var tiers = string.Join(",", run.Stats.Tiers ?? []);
        if (tiers != "archive" || (objects > 0 && run.Stats.ArchiveObjectsScanned != objects))
            mismatches.Add($"{label}: tiers [{tiers}], {run.Stats.ArchiveObjectsScanned} archive objects scanned" + (objects > 0 ? $" of {objects}" : ""));
    }

    /// <summary>The downloads alone: every object of the catalog fetched and verified as the cache fetches it, into a scratch file.</summary>
    static double TimeDownloads(string directory, string tenant, IReadOnlyList<ArchiveEntry> catalog, ArchiveStore store)
    {
        var scratch = Path.Combine(directory, "download-probe.parquet");
        var clock = Stopwatch.StartNew();
        foreach (var entry in catalog) store.DownloadAsync(tenant, entry, scratch, CancellationToken.None).GetAwaiter().GetResult();
        var seconds = clock.Elapsed.TotalSeconds;
        File.Delete(scratch);
        return seconds;
    }

    /// <summary>Deletes the local copies of the tenant's archive objects, keeping their block indexes (.idx).</summary>
    static void EmptyCache(string directory)
    {
        foreach (var copy in LocalCopies(directory).ToList()) File.Delete(copy);
    }

    static IEnumerable<string> LocalCopies(string directory) =>
        Directory.EnumerateFiles(Path.Combine(directory, "segments"), "*.parquet", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}archive{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
