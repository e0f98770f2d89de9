namespace Query.Archive;

/// <summary>How the read model moves segments to the blob archive and keeps copies of archive objects for queries.</summary>
public sealed record ArchiveOptions
{
    /// <summary>Segments whose newest line is older than this go to the archive, unless the tenant set its own hot window.</summary>
    public TimeSpan HotWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How often compaction, tiering, retention and deletions run.</summary>
    public TimeSpan MaintenanceInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>An archive object is closed at about this many Parquet bytes (the target is 64–256 MB).</summary>
    public long TargetObjectBytes { get; init; } = 128L << 20;

    /// <summary>Rows per row group of an archive object (one block of its index): about 1–3 MB of zstd Parquet for typical lines.</summary>
    public int RowGroupRows { get; init; } = 65_536;

    /// <summary>How long the blob of an object replaced by a merge stays, for queries that took their view before.</summary>
    public TimeSpan SupersededGrace { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Local disk for copies of archive objects that queries read; least recently used copies go first.</summary>
    public long CacheBytes { get; init; } = 4L << 30;
}
