using System.Collections.Concurrent;
using System.Diagnostics;
using BuildingBlocks.DuckDb;

namespace Query.Search;

/// <summary>
/// Interrupts a query's connection once its budget is spent. One dedicated thread watches every running query:
/// a thread-pool timer would not fire while the pool's threads are all busy running queries, which is exactly when
/// budgets matter. An interrupt only stops a statement that is already running, so it repeats until the query gives
/// up; disposing unregisters under the same lock the watcher interrupts under, so no interrupt can reach the
/// connection after it went back to the pool.
/// </summary>
public sealed class QueryWatchdog : IDisposable
{
    static readonly ConcurrentDictionary<QueryWatchdog, byte> Running = new();
    static readonly Thread Watcher = new(Watch) { IsBackground = true, Name = "query-watchdog" };
    readonly DuckConnection connection;
    readonly long deadline;
    readonly CancellationToken aborted;
    readonly Lock gate = new();
    bool disposed;

    static QueryWatchdog() => Watcher.Start();

    public QueryWatchdog(DuckConnection connection, TimeSpan budget, CancellationToken aborted)
    {
        this.connection = connection;
        this.aborted = aborted;
        deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        Running[this] = 0;
    }

    public bool Expired { get; private set; }

    public void Dispose()
    {
        Running.TryRemove(this, out _);
        lock (gate) disposed = true;
    }

    static void Watch()
    {
        while (true)
        {
            Thread.Sleep(20);
            var now = Stopwatch.GetTimestamp();
            foreach (var watchdog in Running.Keys)
            {
                if (now < watchdog.deadline && !watchdog.aborted.IsCancellationRequested) continue;
                lock (watchdog.gate)
                {
                    if (watchdog.disposed) continue;
                    watchdog.Expired = now >= watchdog.deadline;
                    watchdog.connection.Interrupt();
                }
            }
        }
    }
}
