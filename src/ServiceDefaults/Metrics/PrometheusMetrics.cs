namespace ServiceDefaults.Metrics;

/// <summary>
/// Listens to every <see cref="System.Diagnostics.Metrics.Meter"/> in the process (ASP.NET Core's, the runtime's
/// "System.Runtime", ours) and renders them in the Prometheus text exposition format 0.0.4.
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    readonly MetricsCollector _collector = new();
    readonly Lock _scrapeLock = new();
    bool _disposed;

    public string Scrape()
    {
        // Observable callbacks are other people's code and need not be re-entrant, so scrapes take turns.
        lock (_scrapeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return PrometheusTextWriter.Write(_collector.Collect());
        }
    }

    public void Dispose()
    {
        lock (_scrapeLock)
        {
            if (_disposed) return;
            _disposed = true;
            _collector.Dispose();
        }
    }
}
