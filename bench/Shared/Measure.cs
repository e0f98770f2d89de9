using System.Diagnostics;

namespace Bench;

/// <summary>
/// A Stopwatch harness: warm up (so tiered compilation settles), then time several rounds and keep the best one, so that
/// other work on a shared machine (builds, tests) disturbs the figures as little as possible.
/// </summary>
static class Measure
{
    public static double WarmupSeconds { get; set; } = 1;
    public static double RunSeconds { get; set; } = 3;
    public static int Rounds { get; set; } = 5;

    /// <summary>How many times per second <paramref name="action"/> runs on the calling thread, and what one run allocates.</summary>
    public static (double PerSecond, long AllocatedBytes) Run(Action action)
    {
        Repeat(action, WarmupSeconds);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var best = 0.0;
        for (var round = 0; round < Rounds; round++)
        {
            var (count, elapsed) = Repeat(action, RunSeconds / Rounds);
            best = Math.Max(best, count / elapsed.TotalSeconds);
        }
        return (best, allocated);
    }

    public static double OperationsPerSecond(Action action) => Run(action).PerSecond;

    static (long Count, TimeSpan Elapsed) Repeat(Action action, double seconds)
    {
        var stopwatch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        long count = 0;
        do
        {
            action();
            count++;
        }
        while (stopwatch.Elapsed < limit);
        return (count, stopwatch.Elapsed);
    }
}
