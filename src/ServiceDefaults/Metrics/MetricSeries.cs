namespace ServiceDefaults.Metrics;

/// <summary>
/// The running state of one tag set of one instrument. Updated with interlocked operations only, because every
/// measurement in the process lands here.
/// </summary>
internal sealed class MetricSeries(TagSet tags, int bucketCount)
{
    readonly long[] _bucketCounts = bucketCount == 0 ? [] : new long[bucketCount];
    double _value;
    string? _labels;

    public void Add(double increment)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = current;
            current = Interlocked.CompareExchange(ref _value, seen + increment, seen);
            // Compared as bits: once the sum is NaN, NaN != NaN would otherwise spin forever.
            if (BitConverter.DoubleToInt64Bits(current) == BitConverter.DoubleToInt64Bits(seen)) return;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    /// <summary>Counts the value in the first bucket whose upper bound is ≥ it (the last bucket is +Inf).</summary>
    public void Observe(double value, double[] boundaries)
    {
        var index = Array.BinarySearch(boundaries, value);
        Interlocked.Increment(ref _bucketCounts[index < 0 ? ~index : index]);
        Add(value);
    }

    public SeriesSample Sample(MetricDescriptor descriptor)
    {
        _labels ??= PrometheusLabels.Render(tags);
        var counts = new long[_bucketCounts.Length];
        for (var i = 0; i < counts.Length; i++) counts[i] = Interlocked.Read(ref _bucketCounts[i]);
        return new(_labels, descriptor.Unit.Convert(Volatile.Read(ref _value)), counts);
    }
}
