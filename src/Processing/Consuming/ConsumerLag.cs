using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace Processing.Consuming;

/// <summary>Consumer lag per partition for /metrics: the broker's high watermark minus this consumer's position.</summary>
static class ConsumerLag
{
    static IConsumer<string, byte[]>? tracked;

    static ConsumerLag()
    {
        ProcessingMetrics.Meter.CreateObservableGauge("processing.consumer.lag", Observe, "{message}",
            "Messages in logs.raw not yet processed, per partition.");
    }

    public static void Track(IConsumer<string, byte[]> consumer) => tracked = consumer;
    public static void Untrack() => tracked = null;

    static IEnumerable<Measurement<long>> Observe()
    {
        if (tracked is not { } consumer) yield break;
        List<TopicPartition> assignment;
        try
        {
            assignment = consumer.Assignment;
        }
        catch (ObjectDisposedException)
        {
            yield break;
        }
        foreach (var partition in assignment)
        {
            // Cached from fetch responses: no request to the broker per scrape.
            var watermarks = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            if (watermarks.High.Value < 0 || position.Value < 0) continue;
            yield return new Measurement<long>(Math.Max(0, watermarks.High.Value - position.Value),
                new KeyValuePair<string, object?>("topic", partition.Topic), new KeyValuePair<string, object?>("partition", partition.Partition.Value));
        }
    }
}
