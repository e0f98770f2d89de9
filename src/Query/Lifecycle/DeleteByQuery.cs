using Contracts.Lifecycle;
using Query.Archive;
using Query.Language;
using Query.Search;
using Query.Segments;
using Query.Storage;

namespace Query.Lifecycle;

/// <summary>What a delete-by-query removed.</summary>
public sealed record DeletionResult(DateOnly Day, long Deleted, int SegmentsRewritten, int ArchiveObjectsRewritten);

/// <summary>
/// Deletes the lines of one tenant day that match a filter (a GDPR request: every line with user_id=X). Lines still in
/// the head are flushed first; then only the files whose index says they may hold a match are read, and only those
/// that do are rewritten without the matching lines (an archive object is uploaded under a new name, verified,
/// swapped in the catalog, then the old one deleted). Cached answers of the tenant are invalidated.
/// </summary>
public sealed class DeleteByQuery(ReadModel readModel, QueryDatabase database, SegmentWriter hotWriter, ArchiveWriter archiveWriter,
    ArchiveCache cache, ArchiveSweeper sweeper, StorageMaintenance maintenance, LifecycleEvents events, QueryCache queryCache, ILogger<DeleteByQuery> logger)
{
    public async Task<DeletionResult> RunAsync(string tenant, string keyId, string query, Expr filter, DateOnly day, CancellationToken ct)
    {
        await readModel.WaitForFlushAsync(TimeSpan.FromSeconds(10), ct);
        await maintenance.Gate.WaitAsync(ct);
        try
        {
            var from = ArchiveLayout.StartOfDayNanos(day);
            var to = ArchiveLayout.StartOfDayNanos(day.AddDays(1));
            long deleted = 0;
            int hot = 0, archived = 0;
            foreach (var segment in readModel.Segments(tenant).Where(s => s.MaxTimeNanos >= from && s.MinTimeNanos < to))
            {
                var removed = await RewriteAsync(tenant, segment, filter, from, to, ct);
                if (removed == 0) continue;
                deleted += removed;
                if (segment.IsHot) hot++;
                else archived++;
            }
            queryCache.NoteLateData(tenant);
            ArchiveMetrics.LinesDeleted.Add(deleted, new KeyValuePair<string, object?>("reason", "delete-by-query"));
            logger.LogInformation("Delete-by-query for {Tenant} on {Day} removed {Lines} lines ({Hot} segments, {Archived} archive objects rewritten)",
                tenant, day, deleted, hot, archived);
            await events.PurgedAsync(new DataPurged(tenant, "delete-by-query", day, query, keyId, deleted, hot, archived, DateTimeOffset.UtcNow), ct);
            return new DeletionResult(day, deleted, hot, archived);
        }
        finally
        {
            maintenance.Gate.Release();
        }
    }

    /// <returns>How many lines of the segment matched and are gone.</returns>
    async Task<long> RewriteAsync(string tenant, Segment segment, Expr filterExpr, long from, long to, CancellationToken ct)
    {
        var parameters = new SqlParameters();
        var filter = FilterCompiler.Compile(filterExpr, parameters);
        if (SegmentSelection.Of(segment, filter.BlockMayMatch, from, to, null).BlocksRead == 0) return 0;

        using var pin = segment.IsHot ? null : cache.Pin(segment, ct);
        var matches = $"timestamp >= make_timestamp_ns({parameters.Add(from)}) AND timestamp < make_timestamp_ns({parameters.Add(to)}) AND ({filter.Segment})";
        var source = $"read_parquet({SegmentWriter.Literal(segment.Path)})";
        using var lease = database.Rent();
        long count;
        using (var statement = parameters.Prepare(lease.Connection, $"SELECT count(*) FROM {source} WHERE {matches}"))
            count = statement.ExecuteScalar<long>();
        if (count == 0) return 0;

        Segment? replacement = null;
        if (count < segment.Rows)
        {
            var kept = $"SELECT {SegmentWriter.Columns} FROM {source} WHERE NOT coalesce({matches}, false) ORDER BY timestamp DESC, row_id DESC";
            replacement = segment.Archived is { } entry
                ? await archiveWriter.WriteAsync(lease.Connection, tenant, entry.Day, ArchiveLayout.PartId([.. entry.Sources, entry.Blob, Guid.NewGuid().ToString("N")]),
                    kept, segment.Index.Batches, entry.Sources, ct, parameters)
                : hotWriter.Write(lease.Connection, kept, readModel.Layout.NewSegmentPath(tenant, segment.Partition, SegmentLayout.HourOf(segment.MinTimeNanos)),
                    tenant, segment.Partition, segment.Index.Batches, parameters);
        }
        readModel.Replace(tenant, [segment], replacement);
        await sweeper.SweepAsync(tenant, ct); // the old object holds the deleted lines: it goes now
        return count;
    }
}
