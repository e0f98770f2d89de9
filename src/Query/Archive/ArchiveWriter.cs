using BuildingBlocks.DuckDb;
using Query.Search;
using Query.Segments;
using Query.Storage;

namespace Query.Archive;

/// <summary>
/// Writes one archive object: the rows of a query into a local Parquet file (Parquet v2 encodings, large row groups)
/// with its block index, the blob recorded as pending in the catalog, uploaded and verified. The caller publishes the
/// returned segment with <see cref="ReadModel.Replace"/>; until then the pending record lets the sweeper delete the
/// blob after a crash.
/// </summary>
public sealed class ArchiveWriter(ArchiveOptions options, ReadModel readModel, ArchiveStore store, ArchiveCache cache)
{
    readonly SegmentWriter writer = new(options.RowGroupRows, deltaEncoding: true);

    /// <param name="select">A query yielding <see cref="SegmentWriter.Columns"/>, ordered by timestamp and row_id descending.</param>
    /// <param name="part">The object's id in its day (<see cref="ArchiveLayout.PartId"/>).</param>
    /// <param name="sources">The hot segment files whose lines the object holds.</param>
    public async Task<Segment> WriteAsync(DuckConnection connection, string tenant, DateOnly day, string part, string select,
        IEnumerable<SeenBatch> batches, IReadOnlyList<string> sources, CancellationToken ct, SqlParameters? parameters = null)
    {
        var directory = readModel.Layout.TenantDirectory(tenant);
        var local = Path.Combine(directory, ArchiveLayout.LocalFile(day, part));
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        var written = writer.Write(connection, select, local, tenant, Segment.ArchivePartition, batches, parameters);

        var blob = ArchiveLayout.BlobName(tenant, day, part);
        readModel.AddPending(tenant, blob);
        var md5 = await store.UploadAsync(tenant, blob, local, ct);
        cache.Adopt(local, written.Bytes);
        var entry = new ArchiveEntry(blob, Path.GetRelativePath(directory, local), day, written.Rows, written.Bytes, written.MinTimeNanos,
            written.MaxTimeNanos, md5, sources, written.CreatedAt);
        return new Segment(tenant, Segment.ArchivePartition, local, written.Index, written.Bytes, written.CreatedAt, entry);
    }
}
