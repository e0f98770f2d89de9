using System.Diagnostics;
using BuildingBlocks.TenantConfig;
using Query.Archive;
using Query.Bench;

namespace Archive.Bench;

/// <summary>One data set from generation to the scans, in its own read model folder (deleted afterwards) and tenant container.</summary>
static class DayRun
{
    public static async Task<Report> RunAsync(DayOfLogs data, Needles needles, Azurite azurite, TenantConfigCache config, ArchiveOptions options)
    {
        var directory = Path.Combine(Path.GetTempPath(), "archive-bench-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await azurite.Blobs.CreateContainerIfNotExistsAsync(ArchiveLayout.ContainerFor(data.Tenant));
            Console.WriteLine($"{data.Kind}: generating {data.Records:N0} records of {data.Tenant} over {data.Day:yyyy-MM-dd} and indexing them " +
                $"(heads of up to 250,000 rows flushed as hourly segments; load average {Report.LoadAverage()})…");
            var clock = Stopwatch.StartNew();
            int flushes;
            double load;
            ArchiveRun.Result archive;
            using (var local = LocalQuery.Open(directory, azurite.Store, options))
            {
                flushes = local.Index(data.Batches());
                load = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"  {flushes} flushes in {load:0.0} s (generation included); raw NDJSON {Report.Mib(data.RawNdjsonBytes)}");
                Console.WriteLine($"  tiering the day into the archive (load average {Report.LoadAverage()})…");
                archive = await ArchiveRun.RunAsync(local, data.Tenant, azurite.Store, config, options);
            }
            Console.WriteLine($"  scanning the archive through SearchExecutor (load average {Report.LoadAverage()})…");
            var scan = ScanProbe.Measure(directory, data, needles, azurite.Store, options, archive.Catalog);
            return new Report(data, flushes, load, archive, scan);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
