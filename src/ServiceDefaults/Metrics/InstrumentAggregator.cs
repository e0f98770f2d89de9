using System.Collections.Concurrent;

namespace ServiceDefaults.Metrics;

/// <summary>The series of one instrument, one per distinct tag set.</summary>
internal sealed class InstrumentAggregator
{
    /// <summary>
    /// Same cap as OpenTelemetry's default: a tag with unbounded values (a tenant id, a raw path) must not grow
    /// memory and scrape size without end. Measurements for further tag sets go to one overflow series.
    /// </summary>
    const int MaxSeries = 2000;

    readonly ConcurrentDictionary<TagSet, MetricSeries> _series = new(TagSet.Comparer.Instance);
    readonly ConcurrentDictionary<TagSet, MetricSeries>.AlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>> _seriesByTags;
    int _seriesCount;

    public InstrumentAggregator(MetricDescriptor descriptor, long publicationOrder)
    {
        Descriptor = descriptor;
        PublicationOrder = publicationOrder;
        _seriesByTags = _series.GetAlternateLookup<ReadOnlySpan<KeyValuePair<string, object?>>>();
    }

    public MetricDescriptor Descriptor { get; }

    public long PublicationOrder { get; }

    public bool HasSeries => !_series.IsEmpty;

    public IEnumerable<SeriesSample> Samples() => _series.Values.Select(series => series.Sample(Descriptor));

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (Descriptor.Aggregation)
        {
            // A Prometheus counter that goes down reads as a process restart to rate(), so negative (and NaN)
            // increments are dropped.
            case Aggregation.Sum when Descriptor.Type != PrometheusType.Counter || value >= 0:
                SeriesFor(tags).Add(value);
                break;
            case Aggregation.LastValue:
                SeriesFor(tags).Set(value);
                break;
            case Aggregation.Histogram when !double.IsNaN(value):
                SeriesFor(tags).Observe(value, Descriptor.Boundaries);
                break;
        }
    }

    MetricSeries SeriesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_seriesByTags.TryGetValue(tags, out var existing)) return existing;
        var tagSet = Volatile.Read(ref _seriesCount) < MaxSeries ? TagSet.From(tags) : TagSet.Overflow;
        if (_series.TryGetValue(tagSet, out existing)) return existing;

        var bucketCount = Descriptor.Type == PrometheusType.Histogram ? Descriptor.Boundaries.Length + 1 : 0;
        var created = new MetricSeries(tagSet, bucketCount);
        if (!_series.TryAdd(tagSet, created)) return _series[tagSet];
        Interlocked.Increment(ref _seriesCount);
        return created;
    }
}
