using BuildingBlocks.TenantConfig;
using Query.Search;
using Query.Segments;
using Query.Storage;

namespace Query.Archive;

/// <summary>
/// Moves hot segments past the tenant's hot window (its own setting, or the platform's) into the blob archive: per
/// tenant day, the segments are merged into one zstd Parquet object (sorted newest first, large row groups), uploaded,
/// verified against the local copy, and only then published in place of the segments, which are deleted once no
/// query reads them. A crash anywhere loses
/// nothing: before the catalog commit the segments are still the truth, the upload is recorded as pending first (so
/// the sweeper deletes it if no commit follows), and the object's name depends only on its inputs.
/// Small objects already archived for the same day (late lines) are merged into the next object of that day, so a
/// day ends in few large objects rather than many small ones.
/// </summary>
public sealed class ArchiveTiering(ArchiveOptions options, StorageOptions storage, QueryDatabase database, ReadModel readModel,
    ArchiveWriter writer, ArchiveCache cache, ArchiveSweeper sweeper, TenantConfigCache config, ILogger<ArchiveTiering> logger)
{
    /// <summary>One round over every tenant; returns the number of objects archived.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var archived = 0;
        foreach (var tenant in readModel.Tenants())
        {
            if (config.Tenant(tenant) is not { Status: "active" or "suspended" } settings) continue;
            var hotWindow = settings.HotWindowMinutes is > 0 and var minutes ? TimeSpan.FromMinutes(minutes) : options.HotWindow;
            var cutoff = SearchEndpoints.Nanos(DateTimeOffset.UtcNow - hotWindow);
            await sweeper.SweepAsync(tenant, ct);
            var segments = readModel.Segments(tenant);
            var due = segments.Where(s => s.IsHot && s.MaxTimeNanos < cutoff);
            foreach (var day in due.GroupBy(s => ArchiveLayout.DayOf(s.MinTimeNanos)))
            {
                var smallObjects = segments.Where(s => s.Archived?.Day == day.Key && s.Bytes < options.TargetObjectBytes / 4);
                foreach (var chunk in Chunks(smallObjects.Concat(day).OrderBy(s => s.MinTimeNanos)))
                {
                    if (!chunk.Any(s => s.IsHot) && chunk.Count < 2) continue;
                    await ArchiveAsync(tenant, day.Key, chunk, ct);
                    archived++;
                }
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

    /// <param name="inputs">Hot segments of the day, and small archive objects of the day to merge with them.</param>
    async Task ArchiveAsync(string tenant, DateOnly day, IReadOnlyList<Segment> inputs, CancellationToken ct)
    {
        var directory = readModel.Layout.TenantDirectory(tenant);
        var hot = inputs.Where(s => s.IsHot).ToList();
        var merged = inputs.Select(s => s.Archived).OfType<ArchiveEntry>().ToList();
        var sources = hot.Select(s => Path.GetRelativePath(directory, s.Path)).Concat(merged.SelectMany(o => o.Sources)).ToList();
        var part = ArchiveLayout.PartId([.. sources, .. merged.Select(o => o.Blob)]);

        var horizon = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (long)storage.DedupeWindow.TotalSeconds;
        var batches = inputs.SelectMany(s => s.Index.Batches).Where(b => b.SeenUnixSeconds >= horizon).ToList();
        var files = string.Join(", ", inputs.Select(s => SegmentWriter.Literal(s.Path)));
        var pins = inputs.Where(s => !s.IsHot).Select(s => cache.Pin(s, ct)).ToList();
        Segment written;
        try
        {
            using var lease = database.Rent();
            written = await writer.WriteAsync(lease.Connection, tenant, day, part,
                $"SELECT {SegmentWriter.Columns} FROM read_parquet([{files}]) ORDER BY timestamp DESC, row_id DESC", batches, sources, ct);
        }
        finally
        {
            foreach (var pin in pins) pin.Dispose();
        }
        readModel.Replace(tenant, inputs, written, keepRemovedBlobs: options.SupersededGrace);
        ArchiveMetrics.ObjectsUploaded.Add(1);
        ArchiveMetrics.RowsArchived.Add(hot.Sum(s => s.Rows));
        logger.LogInformation("Archived {Rows} lines of {Tenant} on {Day} from {Segments} segments and {Objects} smaller objects as {Blob} ({Bytes} bytes)",
            written.Rows, tenant, day, hot.Count, merged.Count, written.Archived!.Blob, written.Bytes);
    }
}
