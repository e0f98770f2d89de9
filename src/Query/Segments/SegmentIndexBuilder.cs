namespace Query.Segments;

/// <summary>
/// Builds a <see cref="SegmentIndex"/> while a segment's rows are read in file order: BeginRow, then AddText for
/// each of the row's texts. Only the current block's distinct tokens are held, so memory stays bounded by one block.
/// </summary>
public sealed class SegmentIndexBuilder
{
    readonly int[] rowGroupRows;
    readonly long declaredRows;
    readonly List<BlockSummary> blocks;
    readonly TokenHashes tokens = new();
    readonly int[] levelCounts = new int[BlockSummary.LevelCount];

    int block;
    int rowsInBlock;
    long firstRowOfBlock;
    long minTime = long.MaxValue;
    long maxTime = long.MinValue;
    long rowsSeen;
    bool built;

    /// <param name="rowGroupRows">The row count of each Parquet row group, in file order.</param>
    public SegmentIndexBuilder(IReadOnlyList<int> rowGroupRows)
    {
        this.rowGroupRows = [.. rowGroupRows];
        foreach (int rows in this.rowGroupRows)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(rows, nameof(rowGroupRows));
            declaredRows += rows;
        }
        blocks = new List<BlockSummary>(this.rowGroupRows.Length);
    }

    /// <param name="level">A Contracts.Logs.LogLevel value, 0 (trace) to 5 (fatal).</param>
    public void BeginRow(long timeNanos, int level)
    {
        ThrowIfBuilt();
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, BlockSummary.LevelCount);

        FinishFullBlocks();
        rowsSeen++;
        // Rows beyond the declared ones are only counted: Build reports the mismatch in one place.
        if (block == rowGroupRows.Length)
            return;
        rowsInBlock++;
        minTime = Math.Min(minTime, timeNanos);
        maxTime = Math.Max(maxTime, timeNanos);
        levelCounts[level]++;
    }

    /// <summary>Indexes one text of the current row (message, service, host, trace id, attribute values...).</summary>
    public void AddText(ReadOnlySpan<byte> utf8)
    {
        ThrowIfBuilt();
        if (rowsSeen == 0)
            throw new InvalidOperationException("AddText was called before the first BeginRow.");
        if (block < rowGroupRows.Length)
            Tokens.AddHashes(utf8, tokens);
    }

    /// <exception cref="InvalidOperationException">The rows seen differ from the sum of the row-group sizes.</exception>
    public SegmentIndex Build(IEnumerable<SeenBatch> batches)
    {
        ThrowIfBuilt();
        FinishFullBlocks();
        if (rowsSeen != declaredRows)
            throw new InvalidOperationException(
                $"The row groups declare {declaredRows} rows but {rowsSeen} were indexed.");
        built = true;
        return new SegmentIndex(blocks.ToArray(), batches.ToArray());
    }

    // A block is finished when the row after its last one begins (or at Build), which is when its last AddText has
    // been seen. Empty row groups are finished on the way.
    void FinishFullBlocks()
    {
        while (block < rowGroupRows.Length && rowsInBlock == rowGroupRows[block])
        {
            blocks.Add(new BlockSummary(firstRowOfBlock, rowsInBlock, minTime, maxTime, [.. levelCounts],
                BloomFilter.Build(tokens)));
            firstRowOfBlock += rowsInBlock;
            block++;
            rowsInBlock = 0;
            minTime = long.MaxValue;
            maxTime = long.MinValue;
            Array.Clear(levelCounts);
            tokens.Clear();
        }
    }

    void ThrowIfBuilt()
    {
        if (built)
            throw new InvalidOperationException("This segment index has already been built.");
    }
}
