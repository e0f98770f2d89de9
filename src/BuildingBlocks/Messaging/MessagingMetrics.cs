using System.Diagnostics.Metrics;

namespace BuildingBlocks.Messaging;

static class MessagingMetrics
{
    static readonly Meter Meter = new("Platform.Messaging");

    public static readonly Counter<long> Handled = Meter.CreateCounter<long>("messaging.consumer.handled", "{message}", "Messages handled successfully.");
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("messaging.consumer.failures", "{attempt}", "Handler attempts that threw.");
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("messaging.consumer.dead_lettered", "{message}", "Messages sent to a dead-letter topic.");
    public static readonly Counter<long> Ignored = Meter.CreateCounter<long>("messaging.consumer.ignored", "{message}", "Messages of a type this consumer has no handler for.");

    public static KeyValuePair<string, object?> Topic(string topic) => new("topic", topic);
}
