using System.Diagnostics;

namespace Query.Bench;

/// <summary>
/// The indexing measurement: publishes the data set while following the indexer's counter, and records what the
/// Query service and the machine spent meanwhile.
/// </summary>
sealed record IndexingRun(IndexerWatch.Result Progress, TimeSpan Wall, double QueryCores, double BenchCores, double MachineBusy,
    long Flushes, double FlushSeconds, TimeSpan Publishing, TimeSpan Throttled)
{
    public static async Task<IndexingRun> MeasureAsync(Dataset dataset, Loader loader, IndexerWatch watch, int queryPid, long backlogBytes)
    {
        var cpuBefore = Figures.CpuSeconds(queryPid);
        var benchBefore = Figures.CpuSeconds(Environment.ProcessId);
        var machineBefore = Figures.MachineTicks();
        var before = await watch.SampleAsync();
        var clock = Stopwatch.StartNew();
        using var stopLoading = new CancellationTokenSource();
        var loading = Task.Run(() => loader.PublishAsync(dataset, () => watch.Latest, backlogBytes, stopLoading.Token));
        var progress = await watch.WaitAsync(dataset.Records, loader, loading, clock, stall: TimeSpan.FromSeconds(60));
        var wall = progress.AllIndexedAfter ?? clock.Elapsed;
        var queryCores = (Figures.CpuSeconds(queryPid) - cpuBefore) / wall.TotalSeconds;
        var benchCores = (Figures.CpuSeconds(Environment.ProcessId) - benchBefore) / wall.TotalSeconds;
        var machineBusy = Figures.BusyShare(machineBefore, Figures.MachineTicks());
        var after = await watch.SampleAsync();
        stopLoading.Cancel();
        try
        {
            await loading;
        }
        catch (OperationCanceledException)
        {
            // Indexing stalled while the loader waited for it; the caller reports it.
        }
        return new IndexingRun(progress, wall, queryCores, benchCores, machineBusy, after.Flushes - before.Flushes,
            after.FlushSeconds - before.FlushSeconds, loader.Elapsed, loader.Throttled);
    }
}
