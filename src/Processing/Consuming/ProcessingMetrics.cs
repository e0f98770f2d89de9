using System.Diagnostics.Metrics;

namespace Processing.Consuming;

static class ProcessingMetrics
{
    public static readonly Meter Meter = new("Platform.Processing");
    public static readonly Counter<long> RecordsIn = Meter.CreateCounter<long>("processing.records.in", "{record}", "Records read from logs.raw.");
    public static readonly Counter<long> RecordsOut = Meter.CreateCounter<long>("processing.records.out", "{record}", "Records written to logs.processed.");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("processing.records.dropped", "{record}", "Records dropped by a pipeline rule or the minimum level.");
    public static readonly Counter<long> Redacted = Meter.CreateCounter<long>("processing.records.redacted", "{record}", "Records in which at least one value was redacted.");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("processing.records.dead_lettered", "{record}", "Records sent to logs.raw.dlq because a stage failed.");
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("processing.batch.duration", "s",
        "Time to run one input batch through its tenant's pipeline.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    public static KeyValuePair<string, object?> Tenant(string tenant) => new("tenant", tenant);
}
