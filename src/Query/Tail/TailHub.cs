using System.Diagnostics.CodeAnalysis;
using Contracts.Logs;

namespace Query.Tail;

/// <summary>
/// Hands each newly indexed record to the live tails of its tenant. <see cref="Publish"/> runs on the indexer's
/// thread for every record, so with no tail open it costs one field read and, with tails of other tenants only, one
/// dictionary lookup; it never allocates there and never waits for a tail (see <see cref="TailSubscription"/>).
/// </summary>
public sealed class TailHub
{
    public const int DefaultBufferSize = 1000;
    public const int DefaultMaxTailsPerTenant = 10;

    readonly Lock gate = new();
    readonly int bufferSize;
    // Replaced whole under the gate, never changed in place, so Publish reads it without a lock.
    volatile Dictionary<string, TailSubscription[]> tails = [];

    public TailHub() : this(DefaultBufferSize, DefaultMaxTailsPerTenant)
    {
    }

    internal TailHub(int bufferSize, int maxTailsPerTenant)
    {
        this.bufferSize = bufferSize;
        MaxTailsPerTenant = maxTailsPerTenant;
    }

    public int MaxTailsPerTenant { get; }

    public void Publish(string tenant, LogRecord record)
    {
        var current = tails;
        if (current.Count == 0 || !current.TryGetValue(tenant, out var subscribers)) return;
        foreach (var subscriber in subscribers) subscriber.Offer(record);
    }

    /// <summary>False when the tenant already runs <see cref="MaxTailsPerTenant"/> tails.</summary>
    public bool TrySubscribe(string tenant, LineMatcher matcher, [NotNullWhen(true)] out TailSubscription? subscription)
    {
        lock (gate)
        {
            var existing = tails.GetValueOrDefault(tenant, []);
            if (existing.Length >= MaxTailsPerTenant)
            {
                subscription = null;
                return false;
            }
            subscription = new TailSubscription(this, tenant, matcher, bufferSize);
            tails = new Dictionary<string, TailSubscription[]>(tails) { [tenant] = [.. existing, subscription] };
        }
        TailMetrics.Subscribers.Add(1, TailMetrics.Tenant(tenant));
        return true;
    }

    public int TailsOf(string tenant) => tails.GetValueOrDefault(tenant, []).Length;

    internal void Remove(TailSubscription subscription)
    {
        lock (gate)
        {
            if (!tails.TryGetValue(subscription.Tenant, out var existing) || Array.IndexOf(existing, subscription) < 0) return;
            var next = new Dictionary<string, TailSubscription[]>(tails);
            if (existing.Length == 1) next.Remove(subscription.Tenant);
            else next[subscription.Tenant] = [.. existing.Where(s => s != subscription)];
            tails = next;
        }
        TailMetrics.Subscribers.Add(-1, TailMetrics.Tenant(subscription.Tenant));
    }
}
