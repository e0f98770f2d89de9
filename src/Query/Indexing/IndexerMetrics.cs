using System.Diagnostics.Metrics;

namespace Query.Indexing;

static class IndexerMetrics
{
    public static readonly Meter Meter = new("Platform.Query");
    public static readonly Counter<long> Records = Meter.CreateCounter<long>("query.indexer.records", "{record}",
        "Records indexed into the head (searchable), per tenant.");
    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("query.indexer.duplicates", "{batch}",
        "Batches dropped because they were already indexed (a replay by the processor or by this indexer).");
    public static readonly Counter<long> Unreadable = Meter.CreateCounter<long>("query.indexer.unreadable", "{message}",
        "logs.processed messages that could not be decoded (logged with their offset and skipped).");
    public static readonly Counter<long> OfDeletedTenants = Meter.CreateCounter<long>("query.indexer.deleted_tenant_records", "{record}",
        "Records dropped because their tenant's deletion was requested.");
    public static readonly Counter<long> SegmentsWritten = Meter.CreateCounter<long>("query.segments.written", "{segment}",
        "Segments written by flushes and compactions.");
    public static readonly Histogram<double> FlushDuration = Meter.CreateHistogram<double>("query.flush.duration", "s",
        "Time to write one head generation out as segments.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static KeyValuePair<string, object?> Tenant(string tenant) => new("tenant", tenant);
}
