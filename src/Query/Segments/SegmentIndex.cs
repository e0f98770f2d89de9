namespace Query.Segments;

/// <summary>The sidecar index of one segment file: a summary per Parquet row group, and the batches it holds.</summary>
public sealed record SegmentIndex(IReadOnlyList<BlockSummary> Blocks, IReadOnlyList<SeenBatch> Batches)
{
    public long Rows => Blocks.Sum(b => (long)b.Rows);

    /// <summary>long.MaxValue when there are no rows, so that no time range overlaps an empty segment.</summary>
    public long MinTimeNanos => Blocks.Select(b => b.MinTimeNanos).DefaultIfEmpty(long.MaxValue).Min();

    /// <summary>long.MinValue when there are no rows.</summary>
    public long MaxTimeNanos => Blocks.Select(b => b.MaxTimeNanos).DefaultIfEmpty(long.MinValue).Max();
}

/// <summary>
/// One Parquet row group ("block") of a segment. An empty block has MinTimeNanos = long.MaxValue and
/// MaxTimeNanos = long.MinValue, so that no time range overlaps it.
/// </summary>
/// <param name="LevelCounts">Rows per log level, indexed by Contracts.Logs.LogLevel (trace 0 .. fatal 5).</param>
/// <param name="Bloom">Over the token hashes of every text the block's rows were indexed with.</param>
public sealed record BlockSummary(long FirstRow, int Rows, long MinTimeNanos, long MaxTimeNanos, int[] LevelCounts, BloomFilter Bloom)
{
    // Fixed by the .idx format rather than read from the LogLevel enum: a new level needs a new format version.
    public const int LevelCount = 6;

    public bool MayContainLevel(int level) => (uint)level < (uint)LevelCounts.Length && LevelCounts[level] > 0;
}

/// <summary>A producer batch stored in the segment, kept to drop a redelivered batch after a restart.</summary>
public readonly record struct SeenBatch(Guid Id, long SeenUnixSeconds);
