namespace ServiceDefaults.Metrics;

/// <summary>One Prometheus family at scrape time: the series of every instrument that maps to its name.</summary>
internal sealed class MetricFamily(MetricDescriptor descriptor)
{
    readonly Dictionary<string, SeriesSample> _samplesByLabels = new(StringComparer.Ordinal);

    public MetricDescriptor Descriptor => descriptor;

    public bool IsEmpty => _samplesByLabels.Count == 0;

    /// <summary>Sorted by labels so consecutive scrapes read alike.</summary>
    public IEnumerable<SeriesSample> Samples => _samplesByLabels.Values.OrderBy(sample => sample.Labels, StringComparer.Ordinal);

    /// <summary>The names this family's sample lines use; no other family may use them.</summary>
    public IEnumerable<string> SampleNames => descriptor.Type == PrometheusType.Histogram
        ? [descriptor.Name + "_bucket", descriptor.Name + "_sum", descriptor.Name + "_count"]
        : [descriptor.Name];

    /// <summary>
    /// Two instruments can share a family when their series mean the same thing, e.g. a counter created by two
    /// Meter instances with one name (every test host of an app does that).
    /// </summary>
    public bool CanHold(MetricDescriptor other) =>
        other.Type == descriptor.Type && other.Additive == descriptor.Additive
        && other.ExportedBoundaries.SequenceEqual(descriptor.ExportedBoundaries);

    /// <summary>Series that end up with the same labels are added up, except levels, where the first one stays.</summary>
    public void Add(SeriesSample sample)
    {
        if (!_samplesByLabels.TryGetValue(sample.Labels, out var earlier)) _samplesByLabels.Add(sample.Labels, sample);
        else if (descriptor.Additive) _samplesByLabels[sample.Labels] = earlier.Plus(sample);
    }
}
