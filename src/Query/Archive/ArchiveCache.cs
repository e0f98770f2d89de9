using System.Collections.Concurrent;
using Query.Segments;

namespace Query.Archive;

/// <summary>
/// Local copies of archive objects for queries, capped in size. A query pins the objects it reads; a copy is fetched
/// on first use (one download per object however many queries wait for it) and evicted, least recently used first,
/// only while nobody pins it.
/// </summary>
public sealed class ArchiveCache(ArchiveStore store, ArchiveOptions options, ILogger<ArchiveCache> logger)
{
    readonly ConcurrentDictionary<string, Entry> entries = new();
    readonly Lock evictionLock = new();

    /// <summary>Makes the segment's file local and keeps it until the returned pin is disposed.</summary>
    public IDisposable Pin(Segment segment, CancellationToken ct)
    {
        var archived = segment.Archived ?? throw new ArgumentException($"{segment.Path} is not an archive object");
        var entry = entries.GetOrAdd(segment.Path, _ => new Entry());
        lock (entry)
        {
            entry.Pins++;
            entry.LastUsed = Environment.TickCount64;
        }
        try
        {
            entry.Fetch.Wait(ct);
            try
            {
                if (!File.Exists(segment.Path))
                {
                    store.DownloadAsync(segment.Tenant, archived, segment.Path, ct).GetAwaiter().GetResult();
                    ArchiveMetrics.Downloads.Add(1);
                    ArchiveMetrics.DownloadedBytes.Add(archived.Bytes);
                    logger.LogDebug("Fetched {Blob} ({Bytes} bytes) into the archive cache", archived.Blob, archived.Bytes);
                }
                else ArchiveMetrics.CacheHits.Add(1);
                entry.Bytes = archived.Bytes;
            }
            finally
            {
                entry.Fetch.Release();
            }
        }
        catch
        {
            Unpin(entry);
            throw;
        }
        Evict();
        return new PinLease(this, entry);
    }

    /// <summary>Counts a copy written here by tiering, which is the first to go when the cache is full.</summary>
    public void Adopt(string path, long bytes)
    {
        var entry = entries.GetOrAdd(path, _ => new Entry());
        lock (entry) entry.Bytes = bytes;
        Evict();
    }

    /// <summary>Deletes least recently used, unpinned copies until the cache fits its cap.</summary>
    void Evict()
    {
        lock (evictionLock)
        {
            var total = 0L;
            foreach (var (path, entry) in entries)
                lock (entry)
                {
                    // A copy whose object was replaced or deleted is gone with it (Segment.Free): stop counting it.
                    if (entry.Pins == 0 && !File.Exists(path)) entries.TryRemove(path, out _);
                    else total += entry.Bytes;
                }
            foreach (var (path, entry) in entries.OrderBy(e => e.Value.LastUsed))
            {
                if (total <= options.CacheBytes) return;
                lock (entry)
                {
                    if (entry.Pins > 0) continue;
                    if (File.Exists(path)) File.Delete(path);
                    total -= entry.Bytes;
                    entries.TryRemove(path, out _);
                }
                ArchiveMetrics.Evictions.Add(1);
            }
        }
    }

    void Unpin(Entry entry)
    {
        lock (entry) entry.Pins--;
    }

    sealed class Entry
    {
        public readonly SemaphoreSlim Fetch = new(1, 1);
        public int Pins;
        public long LastUsed;
        public long Bytes;
    }

    sealed class PinLease(ArchiveCache cache, Entry entry) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) cache.Unpin(entry);
        }
    }
}
