using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Contracts.Logs;

namespace Query.Tail;

/// <summary>
/// One live tail: the matching lines of its tenant, in a buffer of fixed size. The indexer never waits for a tail.
/// When the buffer is full a line is dropped and counted (so is a line its regex could not decide in time), and the
/// count reaches the reader as one <see cref="TailEntry.IsDropNotice">notice</see> exactly where the lines are
/// missing: after the lines buffered before them, before any line that came after. Disposing ends the tail and
/// leaves the hub.
/// </summary>
public sealed class TailSubscription : IDisposable
{
    readonly TailHub hub;
    readonly LineMatcher matcher;
    readonly int capacity;
    readonly Channel<TailEntry> entries;
    readonly KeyValuePair<string, object?> tenantTag;
    // Guards 'dropped' and the order of writes; the reader takes it only when the buffer looks empty.
    readonly Lock gate = new();
    long dropped;
    volatile bool disposed;

    internal TailSubscription(TailHub hub, string tenant, LineMatcher matcher, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2); // a notice and the line after it need two places
        this.hub = hub;
        this.matcher = matcher;
        this.capacity = capacity;
        Tenant = tenant;
        tenantTag = TailMetrics.Tenant(tenant);
        entries = Channel.CreateBounded<TailEntry>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails rather than evicting: the drop is counted here
            SingleReader = true,
        });
    }

    public string Tenant { get; }

    /// <summary>Entries waiting to be read: never more than the capacity.</summary>
    public int Buffered => entries.Reader.Count;

    /// <summary>Called by the hub on the indexer's thread: must never wait for the reader.</summary>
    internal void Offer(LogRecord record)
    {
        if (disposed) return;
        bool matches;
        try
        {
            matches = matcher.Matches(record);
        }
        catch (RegexMatchTimeoutException)
        {
            MissUndecided();
            return;
        }
        if (matches) Enqueue(record);
    }

    void Enqueue(LogRecord record)
    {
        lock (gate)
        {
            if (disposed) return;
            if (dropped > 0)
            {
                if (entries.Reader.Count > capacity - 2)
                {
                    Drop();
                    return;
                }
                entries.Writer.TryWrite(new TailEntry(null, dropped));
                dropped = 0;
            }
            if (!entries.Writer.TryWrite(new TailEntry(record, 0))) Drop();
        }
    }

    /// <summary>A line whose regex ran out of time may have matched: the client hears of it at once, if there is room.</summary>
    void MissUndecided()
    {
        lock (gate)
        {
            if (disposed) return;
            Drop();
            if (entries.Writer.TryWrite(new TailEntry(null, dropped))) dropped = 0;
        }
    }

    void Drop()
    {
        dropped++;
        TailMetrics.Dropped.Add(1, tenantTag);
    }

    /// <summary>True when an entry can be read; false once the tail has ended.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default) => entries.Reader.WaitToReadAsync(cancellationToken);

    public bool TryRead(out TailEntry entry)
    {
        if (!entries.Reader.TryRead(out entry))
        {
            lock (gate)
            {
                // A line is never written while drops are pending without their notice going first, so an empty buffer
                // means every line from before the drops has been read: the notice goes here.
                if (!entries.Reader.TryRead(out entry))
                {
                    if (dropped == 0) return false;
                    entry = new TailEntry(null, dropped);
                    dropped = 0;
                    return true;
                }
            }
        }
        if (!entry.IsDropNotice) TailMetrics.Delivered.Add(1, tenantTag);
        return true;
    }

    public async IAsyncEnumerable<TailEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await WaitToReadAsync(cancellationToken))
            while (TryRead(out var entry))
                yield return entry;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            entries.Writer.TryComplete();
        }
        hub.Remove(this);
    }
}
