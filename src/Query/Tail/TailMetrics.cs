using System.Diagnostics.Metrics;

namespace Query.Tail;

static class TailMetrics
{
    public static readonly Meter Meter = new("Platform.Query");
    public static readonly UpDownCounter<long> Subscribers = Meter.CreateUpDownCounter<long>("query.tail.subscribers", "{tail}",
        "Live tails open now, per tenant.");
    public static readonly Counter<long> Delivered = Meter.CreateCounter<long>("query.tail.lines.delivered", "{line}",
        "Lines handed to a live tail for sending, per tenant.");
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("query.tail.lines.dropped", "{line}",
        "Matching lines a live tail missed because its client read too slowly (it was told how many), per tenant.");

    public static KeyValuePair<string, object?> Tenant(string tenant) => new("tenant", tenant);
}
