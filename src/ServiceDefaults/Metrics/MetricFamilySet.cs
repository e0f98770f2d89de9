namespace ServiceDefaults.Metrics;

/// <summary>
/// Groups instruments into families for one scrape and keeps the result a valid exposition: an instrument whose
/// family name is taken by an incompatible family, or whose sample names collide with another family's (histogram
/// "x" owns x_bucket, x_sum and x_count), is left out rather than corrupting the file.
/// </summary>
internal sealed class MetricFamilySet
{
    readonly Dictionary<string, MetricFamily> _byName = new(StringComparer.Ordinal);
    readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    readonly List<MetricFamily> _inOrder = [];

    public IEnumerable<MetricFamily> NonEmpty => _inOrder.Where(family => !family.IsEmpty);

    public void Add(InstrumentAggregator aggregator)
    {
        // An instrument that never recorded must not claim a name that a later one has data for.
        if (!aggregator.HasSeries) return;
        var descriptor = aggregator.Descriptor;
        if (_byName.TryGetValue(descriptor.Name, out var family))
        {
            if (!family.CanHold(descriptor)) return;
        }
        else
        {
            family = new MetricFamily(descriptor);
            if (_takenNames.Contains(descriptor.Name) || family.SampleNames.Any(_takenNames.Contains)) return;
            _byName.Add(descriptor.Name, family);
            _takenNames.Add(descriptor.Name);
            _takenNames.UnionWith(family.SampleNames);
            _inOrder.Add(family);
        }
        foreach (var sample in aggregator.Samples()) family.Add(sample);
    }
}
