using Query.Storage;

namespace Query.Segments;

/// <summary>
/// One immutable Parquet segment of a tenant, with its block index held in memory for skipping. A hot segment lives
/// on local disk; an archived one (<see cref="Archived"/> set) lives in blob storage, and <see cref="Path"/> is where
/// the archive cache keeps a copy while queries read it.
/// </summary>
public sealed class Segment(string tenant, int partition, string path, SegmentIndex index, long bytes, DateTimeOffset createdAt,
    Archive.ArchiveEntry? archived = null) : Retirable
{
    /// <summary>The partition of archived objects, which hold the lines of every Kafka partition of their day.</summary>
    public const int ArchivePartition = -1;

    public string Tenant { get; } = tenant;
    public int Partition { get; } = partition;
    public string Path { get; } = path;
    public string IndexPath => SegmentLayout.IndexPathOf(Path);
    public SegmentIndex Index { get; } = index;
    public long Bytes { get; } = bytes;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public Archive.ArchiveEntry? Archived { get; } = archived;
    public bool IsHot => Archived is null;
    public long Rows => Index.Rows;
    public long MinTimeNanos => Index.MinTimeNanos;
    public long MaxTimeNanos => Index.MaxTimeNanos;

    public ManifestEntry ToEntry(string tenantDirectory) =>
        new(System.IO.Path.GetRelativePath(tenantDirectory, Path), Rows, Bytes, MinTimeNanos, MaxTimeNanos, CreatedAt);

    /// <summary>Runs when compaction, tiering or deletion replaced this segment and no query reads it any more.</summary>
    protected override void Free()
    {
        // Gone already when the tenant's whole folder was deleted (tenant erasure).
        if (File.Exists(Path)) File.Delete(Path);
        if (File.Exists(IndexPath)) File.Delete(IndexPath);
    }
}
