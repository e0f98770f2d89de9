using Query.Segments;

namespace Query.Search;

/// <summary>
/// Which blocks of a segment a search must read: those overlapping its time window (and older than its cursor)
/// that hold the wanted level and whose bloom filter may contain every token of every text and indexed field value.
/// </summary>
public sealed record SegmentSelection(Segment Segment, IReadOnlyList<(long MinTimeNanos, long MaxTimeNanos)> Ranges, int BlocksRead, int BlocksSkipped)
{
    public long EstimatedBytes => Segment.Index.Blocks.Count == 0 ? 0 : Segment.Bytes * BlocksRead / Segment.Index.Blocks.Count;

    public static SegmentSelection Of(Segment segment, Func<BlockSummary, bool> blockMayMatch, long from, long to, long? cursorTime)
    {
        var ranges = new List<(long Min, long Max)>();
        int read = 0, skipped = 0;
        var previousWanted = false;
        foreach (var block in segment.Index.Blocks)
        {
            var wanted = block.MaxTimeNanos >= from && block.MinTimeNanos < to
                && (cursorTime is not { } before || block.MinTimeNanos <= before)
                && blockMayMatch(block);
            if (!wanted) skipped++;
            else if (previousWanted) ranges[^1] = (Math.Min(ranges[^1].Min, block.MinTimeNanos), Math.Max(ranges[^1].Max, block.MaxTimeNanos));
            else ranges.Add((block.MinTimeNanos, block.MaxTimeNanos));
            if (wanted) read++;
            previousWanted = wanted;
        }
        return new SegmentSelection(segment, ranges, read, skipped);
    }
}
