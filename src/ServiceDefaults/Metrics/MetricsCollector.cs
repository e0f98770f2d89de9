using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Numerics;

namespace ServiceDefaults.Metrics;

/// <summary>Subscribes to every instrument and keeps one <see cref="InstrumentAggregator"/> per instrument.</summary>
internal sealed class MetricsCollector : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<Instrument, InstrumentAggregator> _aggregators = new();
    long _published;

    public MetricsCollector()
    {
        _listener.InstrumentPublished = Subscribe;
        _listener.MeasurementsCompleted = (instrument, _) => _aggregators.TryRemove(instrument, out InstrumentAggregator? _);
        _listener.SetMeasurementEventCallback<byte>(Record);
        _listener.SetMeasurementEventCallback<short>(Record);
        _listener.SetMeasurementEventCallback<int>(Record);
        _listener.SetMeasurementEventCallback<long>(Record);
        _listener.SetMeasurementEventCallback<float>(Record);
        _listener.SetMeasurementEventCallback<double>(Record);
        _listener.SetMeasurementEventCallback<decimal>(Record);
        _listener.Start();
    }

    /// <summary>Polls the observable instruments, then folds every instrument into its Prometheus family.</summary>
    public IEnumerable<MetricFamily> Collect()
    {
        _listener.RecordObservableInstruments();
        var families = new MetricFamilySet();
        // Publication order decides which instrument wins a name both claim, so the winner is stable between scrapes.
        foreach (var aggregator in _aggregators.Values.OrderBy(a => a.PublicationOrder))
            families.Add(aggregator);
        return families.NonEmpty;
    }

    public void Dispose() => _listener.Dispose();

    void Subscribe(Instrument instrument, MeterListener listener)
    {
        if (MetricDescriptor.For(instrument) is not { } descriptor) return;
        var aggregator = new InstrumentAggregator(descriptor, Interlocked.Increment(ref _published));
        _aggregators[instrument] = aggregator;
        listener.EnableMeasurementEvents(instrument, aggregator);
    }

    static void Record<T>(Instrument instrument, T measurement, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, INumberBase<T> =>
        ((InstrumentAggregator)state!).Record(double.CreateTruncating(measurement), tags);
}
