namespace Query.Storage;

/// <summary>Where the read model lives and how hard the indexer may work.</summary>
public sealed record StorageOptions(string DataDirectory)
{
    public string SegmentsDirectory => Path.Combine(DataDirectory, "segments");

    /// <summary>How often the head is written out as segments (the "every ≤ 1 s").</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A head this large is flushed before its interval ends, bounding the service's memory.</summary>
    public int MaxHeadRows { get; init; } = 250_000;

    /// <summary>Rows per Parquet row group: one block of the sidecar index, the unit a needle search skips.</summary>
    public int RowGroupRows { get; init; } = 16_384;

    /// <summary>How long a batch id is remembered to drop a batch the processor replays.</summary>
    public TimeSpan DedupeWindow { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Segments of one tenant hour below this many rows are merged by compaction.</summary>
    public int CompactBelowRows { get; init; } = 2_000_000;

    public int Threads { get; init; } = Math.Max(2, Environment.ProcessorCount);
    /// <summary>DuckDB's memory for heads, flushes and queries together; a query that needs more fails cleanly (422).</summary>
    public string MemoryLimit { get; init; } = "1GB";

    /// <summary>How much a large sort or aggregation may spill to disk beyond the memory limit.</summary>
    public string TempLimit { get; init; } = "8GB";
}
