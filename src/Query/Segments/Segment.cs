using Query.Storage;

namespace Query.Segments;

/// <summary>One immutable Parquet segment of a tenant, with its block index held in memory for skipping.</summary>
public sealed class Segment(string tenant, int partition, string path, SegmentIndex index, long bytes, DateTimeOffset createdAt) : Retirable
{
    public string Tenant { get; } = tenant;
    public int Partition { get; } = partition;
    public string Path { get; } = path;
    public string IndexPath => SegmentLayout.IndexPathOf(Path);
    public SegmentIndex Index { get; } = index;
    public long Bytes { get; } = bytes;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public long Rows => Index.Rows;
    public long MinTimeNanos => Index.MinTimeNanos;
    public long MaxTimeNanos => Index.MaxTimeNanos;

    public ManifestEntry ToEntry(string tenantDirectory) =>
        new(System.IO.Path.GetRelativePath(tenantDirectory, Path), Rows, Bytes, MinTimeNanos, MaxTimeNanos, CreatedAt);

    /// <summary>Runs when compaction replaced this segment and no query reads it any more.</summary>
    protected override void Free()
    {
        File.Delete(Path);
        File.Delete(IndexPath);
    }
}
