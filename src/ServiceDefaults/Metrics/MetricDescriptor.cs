using System.Diagnostics.Metrics;
using System.Numerics;

namespace ServiceDefaults.Metrics;

internal enum PrometheusType { Counter, Gauge, Histogram }

/// <summary>How the measurements of one series are folded: running sum, last value seen, or bucket counts.</summary>
internal enum Aggregation { Sum, LastValue, Histogram }

/// <summary>
/// Everything decided once per instrument: the Prometheus family it belongs to and how to aggregate it.
/// <paramref name="Additive"/> says whether two series with the same labels may be added up (they may not for gauges
/// that report a level). <paramref name="Boundaries"/> are in the instrument's unit, used while recording.
/// </summary>
internal sealed record MetricDescriptor(
    string Name, string Help, PrometheusType Type, Aggregation Aggregation, bool Additive, PrometheusUnit Unit, double[] Boundaries)
{
    /// <summary>OpenTelemetry's default explicit bucket boundaries.</summary>
    static readonly double[] DefaultBoundaries = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    /// <summary>Bucket boundaries in the exported (base) unit, as written in the <c>le</c> label.</summary>
    public double[] ExportedBoundaries { get; } = [.. Boundaries.Select(Unit.Convert)];

    public static MetricDescriptor? For(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        if (definition == typeof(Counter<>))
            return Create(instrument, PrometheusType.Counter, Aggregation.Sum, additive: true);
        // An observable counter reports its running total, so the last observation is the counter's value.
        if (definition == typeof(ObservableCounter<>))
            return Create(instrument, PrometheusType.Counter, Aggregation.LastValue, additive: true);
        if (definition == typeof(UpDownCounter<>))
            return Create(instrument, PrometheusType.Gauge, Aggregation.Sum, additive: true);
        if (definition == typeof(ObservableUpDownCounter<>))
            return Create(instrument, PrometheusType.Gauge, Aggregation.LastValue, additive: true);
        if (definition == typeof(Gauge<>) || definition == typeof(ObservableGauge<>))
            return Create(instrument, PrometheusType.Gauge, Aggregation.LastValue, additive: false);
        if (definition == typeof(Histogram<>))
            return Create(instrument, PrometheusType.Histogram, Aggregation.Histogram, additive: true);
        // A custom Instrument<T> subclass says nothing about how to aggregate it.
        return null;
    }

    static MetricDescriptor Create(Instrument instrument, PrometheusType type, Aggregation aggregation, bool additive)
    {
        var unit = PrometheusUnit.Parse(instrument.Unit, type);
        var help = string.IsNullOrEmpty(instrument.Description) ? instrument.Name : instrument.Description;
        var boundaries = type == PrometheusType.Histogram ? BoundariesOf(instrument) : [];
        return new(PrometheusNaming.MetricName(instrument.Name, unit.Suffix, type), help, type, aggregation, additive, unit, boundaries);
    }

    static double[] BoundariesOf(Instrument histogram) => histogram switch
    {
        Histogram<byte> h => FromAdvice(h.Advice),
        Histogram<short> h => FromAdvice(h.Advice),
        Histogram<int> h => FromAdvice(h.Advice),
        Histogram<long> h => FromAdvice(h.Advice),
        Histogram<float> h => FromAdvice(h.Advice),
        Histogram<double> h => FromAdvice(h.Advice),
        Histogram<decimal> h => FromAdvice(h.Advice),
        _ => DefaultBoundaries,
    };

    static double[] FromAdvice<T>(InstrumentAdvice<T>? advice) where T : struct, INumberBase<T> =>
        advice?.HistogramBucketBoundaries is { } boundaries
            // Bucket lookup is a binary search, and +Inf is always the last bucket anyway.
            ? [.. boundaries.Select(b => double.CreateTruncating(b)).Where(double.IsFinite).Distinct().Order()]
            : DefaultBoundaries;
}
