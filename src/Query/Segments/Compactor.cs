using Query.Indexing;
using Query.Storage;

namespace Query.Segments;

/// <summary>
/// Merges a tenant hour's small segments into larger ones in the background: eight or more at once while the hour
/// is busy, everything that is left once it has been quiet for a while, so a finished hour ends as one segment.
/// Queries keep reading the inputs until the merge is published, and running queries keep them until they finish.
/// Runs as a step of <see cref="StorageMaintenance"/>.
/// </summary>
public sealed class Compactor(StorageOptions options, QueryDatabase database, ReadModel readModel, SegmentWriter writer,
    ILogger<Compactor> logger)
{
    const int BusyMergeWidth = 8;
    const int MaxMergeWidth = 32;
    static readonly TimeSpan QuietAfter = TimeSpan.FromSeconds(30);

    /// <summary>One round over every tenant; returns the number of merges.</summary>
    public int CompactAll(CancellationToken ct)
    {
        var merges = 0;
        foreach (var tenant in readModel.Tenants())
            foreach (var group in readModel.Segments(tenant).Where(s => s.IsHot && s.Rows < options.CompactBelowRows)
                         .GroupBy(s => (s.Partition, Hour: SegmentLayout.HourOf(s.MinTimeNanos))))
            {
                ct.ThrowIfCancellationRequested();
                var small = group.OrderBy(s => s.Rows).ToList();
                var quiet = DateTimeOffset.UtcNow - small.Max(s => s.CreatedAt) > QuietAfter;
                if (small.Count < BusyMergeWidth && !(quiet && small.Count >= 2)) continue;
                Merge(tenant, group.Key.Partition, group.Key.Hour, small.Take(MaxMergeWidth).ToList());
                merges++;
            }
        return merges;
    }

    void Merge(string tenant, int partition, long hour, IReadOnlyList<Segment> inputs)
    {
        var horizon = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (long)options.DedupeWindow.TotalSeconds;
        var batches = inputs.SelectMany(s => s.Index.Batches).Where(b => b.SeenUnixSeconds >= horizon).ToList();
        var files = string.Join(", ", inputs.Select(s => SegmentWriter.Literal(s.Path)));
        var path = readModel.Layout.NewSegmentPath(tenant, partition, hour);
        using var lease = database.Rent();
        var output = writer.Write(lease.Connection,
            $"SELECT {SegmentWriter.Columns} FROM read_parquet([{files}]) ORDER BY timestamp DESC, row_id DESC", path, tenant, partition, batches);
        readModel.CommitCompaction(inputs, output);
        IndexerMetrics.SegmentsWritten.Add(1, IndexerMetrics.Tenant(tenant));
        logger.LogDebug("Merged {Count} segments of {Tenant} ({Rows} rows) into {Path}", inputs.Count, tenant, output.Rows, path);
    }
}
