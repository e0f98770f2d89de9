using BuildingBlocks.TenantConfig;
using Query.Segments;
using Query.Storage;

namespace Query.Archive;

/// <summary>
/// Moves hot segments past the hot window into the blob archive: per tenant day, the segments are merged into one
/// zstd Parquet object (sorted newest first, large row groups), uploaded, verified against the local copy, and only
/// then published in place of the segments, which are deleted once no query reads them. A crash anywhere loses
/// nothing: before the catalog commit the segments are still the truth, and the object's name depends only on them,
/// so the retry overwrites it; uploads left behind by a crash with other inputs are swept on the next start.
/// </summary>
public sealed class ArchiveTiering(ArchiveOptions options, StorageOptions storage, QueryDatabase database, ReadModel readModel,
    ArchiveStore store, ArchiveCache cache, TenantConfigCache config, ILogger<ArchiveTiering> logger)
{
    readonly SegmentWriter writer = new(options.RowGroupRows);
    readonly HashSet<string> swept = [];

    /// <summary>One round over every tenant; returns the number of objects archived.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var archived = 0;
        var cutoff = SegmentLayout.NowNanos() - options.HotWindow.Ticks * 100;
        foreach (var tenant in readModel.Tenants())
        {
            if (config.Tenant(tenant) is not { Status: "active" or "suspended" }) continue;
            if (swept.Add(tenant)) await SweepOrphansAsync(tenant, ct);
            var due = readModel.Segments(tenant).Where(s => s.IsHot && s.MaxTimeNanos < cutoff);
            foreach (var day in due.GroupBy(s => ArchiveLayout.DayOf(s.MinTimeNanos)))
                foreach (var chunk in Chunks(day.OrderBy(s => s.MinTimeNanos)))
                {
                    await ArchiveAsync(tenant, day.Key, chunk, ct);
                    archived++;
                }
        }
        return archived;
    }

    /// <summary>Consecutive segments of a day, about <see cref="ArchiveOptions.TargetObjectBytes"/> at a time.</summary>
    IEnumerable<List<Segment>> Chunks(IEnumerable<Segment> segments)
    {
        var chunk = new List<Segment>();
        long bytes = 0;
        foreach (var segment in segments)
        {
            if (chunk.Count > 0 && bytes + segment.Bytes > options.TargetObjectBytes)
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
            }
            chunk.Add(segment);
            bytes += segment.Bytes;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    async Task ArchiveAsync(string tenant, DateOnly day, IReadOnlyList<Segment> inputs, CancellationToken ct)
    {
        var directory = readModel.Layout.TenantDirectory(tenant);
        var sources = inputs.Select(s => Path.GetRelativePath(directory, s.Path)).ToList();
        var part = ArchiveLayout.PartId(sources);
        var blob = ArchiveLayout.BlobName(tenant, day, part);
        var local = Path.Combine(directory, ArchiveLayout.LocalFile(day, part));
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);

        var horizon = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (long)storage.DedupeWindow.TotalSeconds;
        var batches = inputs.SelectMany(s => s.Index.Batches).Where(b => b.SeenUnixSeconds >= horizon).ToList();
        var files = string.Join(", ", inputs.Select(s => SegmentWriter.Literal(s.Path)));
        Segment written;
        using (var lease = database.Rent())
            written = writer.Write(lease.Connection,
                $"SELECT {SegmentWriter.Columns} FROM read_parquet([{files}]) ORDER BY timestamp DESC, row_id DESC", local, tenant,
                Segment.ArchivePartition, batches);

        var md5 = await store.UploadAsync(tenant, blob, local, ct);
        var entry = new ArchiveEntry(blob, Path.GetRelativePath(directory, local), day, written.Rows, written.Bytes, written.MinTimeNanos,
            written.MaxTimeNanos, md5, sources, written.CreatedAt);
        readModel.Replace(tenant, inputs, new Segment(tenant, Segment.ArchivePartition, local, written.Index, written.Bytes, written.CreatedAt, entry));
        cache.Adopt(local, written.Bytes);
        ArchiveMetrics.ObjectsUploaded.Add(1);
        ArchiveMetrics.RowsArchived.Add(written.Rows);
        logger.LogInformation("Archived {Rows} lines of {Tenant} on {Day} from {Segments} segments as {Blob} ({Bytes} bytes)",
            written.Rows, tenant, day, inputs.Count, blob, written.Bytes);
    }

    /// <summary>Deletes objects under the tenant's prefix that its catalog does not list (an upload a crash cut off from its commit).</summary>
    async Task SweepOrphansAsync(string tenant, CancellationToken ct)
    {
        var listed = readModel.Catalog(tenant).Objects.Select(o => o.Blob).ToHashSet();
        foreach (var item in await store.ListAsync(tenant, ct))
            if (!listed.Contains(item.Name))
            {
                logger.LogInformation("Deleting archive object {Blob}: no catalog lists it (an upload interrupted by a crash)", item.Name);
                await store.DeleteAsync(tenant, item.Name, ct);
            }
    }
}
