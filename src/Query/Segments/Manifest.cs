namespace Query.Segments;

/// <summary>
/// The durable list of one tenant's segments written from one Kafka partition, and the offset up to which that
/// partition's records of the tenant are in them. Replaced atomically; it is the commit point of every flush and
/// compaction (a segment file that no manifest lists is an orphan from a crash and is deleted at start-up).
/// </summary>
public sealed record Manifest(string Tenant, int Partition, long NextOffset, IReadOnlyList<ManifestEntry> Segments)
{
    public static Manifest Empty(string tenant, int partition) => new(tenant, partition, 0, []);
}

/// <param name="File">The Parquet file's path relative to the tenant's directory; its index is beside it (.idx).</param>
public sealed record ManifestEntry(string File, long Rows, long Bytes, long MinTimeNanos, long MaxTimeNanos, DateTimeOffset CreatedAt);
