using Query.Segments;

namespace Query.Indexing;

/// <summary>
/// Batch ids indexed within the dedupe window. The processor replays a batch under its original id after a crash,
/// at a new offset; dropping ids seen here makes every record count once. Rebuilt at start-up from segment indexes.
/// </summary>
public sealed class RecentBatches(TimeSpan window)
{
    readonly Dictionary<Guid, long> seen = [];

    public void Load(IEnumerable<SeenBatch> batches)
    {
        var horizon = Now() - (long)window.TotalSeconds;
        foreach (var batch in batches)
            if (batch.SeenUnixSeconds >= horizon) seen[batch.Id] = batch.SeenUnixSeconds;
    }

    /// <summary>False when the batch was seen before; otherwise remembers it and returns when it was first seen.</summary>
    public bool TryAdd(Guid id, out SeenBatch batch)
    {
        batch = new SeenBatch(id, Now());
        return seen.TryAdd(id, batch.SeenUnixSeconds);
    }

    public void Prune()
    {
        var horizon = Now() - (long)window.TotalSeconds;
        foreach (var (id, at) in seen)
            if (at < horizon) seen.Remove(id);
    }

    public int Count => seen.Count;

    static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();
}
