using System.Diagnostics;
using BuildingBlocks.BlobStorage;
using BuildingBlocks.TenantConfig;
using Microsoft.Extensions.Logging.Abstractions;
using Query.Archive;
using Query.Segments;

namespace Archive.Bench;

/// <summary>
/// One round of the service's <see cref="ArchiveTiering"/> over the loaded day, timed from start to end (merging the
/// hot segments in DuckDB, writing the object and its index, uploading it, verifying it, committing the catalog).
/// Before it, the hot tier's size; after it, the archive as the catalog and Azurite list it, and a second round,
/// which must find nothing to do. The upload is then timed alone by uploading the first object again under a name
/// outside the archive's prefix (deleted afterwards).
/// </summary>
static class ArchiveRun
{
    public sealed record Tier(int Files, int RowGroups, long ParquetBytes, long IndexBytes, long Rows);

    /// <summary>A top-level column's compressed and uncompressed bytes over every row group of the archive objects.</summary>
    public sealed record Column(string Name, long Compressed, long Uncompressed);

    public sealed record Result(Tier Hot, Tier Archive, double Seconds, int Objects, int SecondRoundObjects, int HotLeft,
        IReadOnlyList<ArchiveEntry> Catalog, IReadOnlyList<BlobItem> Listed, double UploadSeconds, long UploadBytes, IReadOnlyList<Column> Columns,
        long MillisecondBytes);

    public static async Task<Result> RunAsync(LocalQuery local, string tenant, ArchiveStore store, TenantConfigCache config, ArchiveOptions options)
    {
        var hot = TierOf(local.ReadModel.Segments(tenant).Where(s => s.IsHot));
        var tiering = new ArchiveTiering(options, local.Storage, local.Database, local.ReadModel,
            new ArchiveWriter(options, local.ReadModel, store, local.Cache), local.Cache,
            new ArchiveSweeper(local.ReadModel, store, NullLogger<ArchiveSweeper>.Instance), config, NullLogger<ArchiveTiering>.Instance);
        var clock = Stopwatch.StartNew();
        var objects = await tiering.RunAsync(CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var secondRound = await tiering.RunAsync(CancellationToken.None);

        var segments = local.ReadModel.Segments(tenant);
        var archived = segments.Where(s => !s.IsHot).ToList();
        var listed = await store.ListAsync(tenant, CancellationToken.None);

        double uploadSeconds = 0;
        long uploadBytes = 0;
        if (archived.FirstOrDefault(s => File.Exists(s.Path)) is { } first)
        {
            const string probe = "bench/upload-probe.parquet";
            clock.Restart();
            await store.UploadAsync(tenant, probe, first.Path, CancellationToken.None);
            (uploadSeconds, uploadBytes) = (clock.Elapsed.TotalSeconds, first.Bytes);
            await store.DeleteAsync(tenant, probe, CancellationToken.None);
        }
        return new Result(hot, TierOf(archived), seconds, objects, secondRound, segments.Count(s => s.IsHot),
            local.ReadModel.Catalog(tenant).Objects, listed, uploadSeconds, uploadBytes, ColumnsOf(local, archived),
            MillisecondBytes(local, archived, options.RowGroupRows));
    }

    /// <summary>
    /// What the objects would take with both timestamps cut to milliseconds (as most agents send them; the generator
    /// draws nanoseconds), written as tiering writes them: same row order, zstd, same row groups.
    /// </summary>
    static long MillisecondBytes(LocalQuery local, IEnumerable<Segment> objects, int rowGroupRows)
    {
        long bytes = 0;
        using var lease = local.Database.Rent();
        foreach (var segment in objects.Where(s => File.Exists(s.Path)))
        {
            var copy = segment.Path + ".ms";
            lease.Connection.Execute("COPY (SELECT * REPLACE (date_trunc('millisecond', timestamp) AS timestamp, " +
                "date_trunc('millisecond', observed_timestamp) AS observed_timestamp) " +
                $"FROM read_parquet({SegmentWriter.Literal(segment.Path)})) TO {SegmentWriter.Literal(copy)} " +
                $"(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {rowGroupRows})");
            bytes += new FileInfo(copy).Length;
            File.Delete(copy);
        }
        return bytes;
    }

    /// <summary>Where the bytes go, read from the Parquet footers of the local copies tiering left behind.</summary>
    static List<Column> ColumnsOf(LocalQuery local, IEnumerable<Segment> objects)
    {
        var files = objects.Where(s => File.Exists(s.Path)).Select(s => SegmentWriter.Literal(s.Path)).ToList();
        if (files.Count == 0) return [];
        var columns = new List<Column>();
        using var lease = local.Database.Rent();
        using var reader = lease.Connection.Query(
            "SELECT split_part(path_in_schema, ',', 1) AS name, sum(total_compressed_size)::BIGINT, sum(total_uncompressed_size)::BIGINT " +
            $"FROM parquet_metadata([{string.Join(", ", files)}]) GROUP BY ALL ORDER BY 2 DESC");
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
                columns.Add(new Column(reader.GetString(0, row), reader.GetInt64(1, row), reader.GetInt64(2, row)));
        return columns;
    }

    static Tier TierOf(IEnumerable<Segment> segments)
    {
        var list = segments.ToList();
        return new Tier(list.Count, list.Sum(s => s.Index.Blocks.Count), list.Sum(s => s.Bytes),
            list.Sum(s => File.Exists(s.IndexPath) ? new FileInfo(s.IndexPath).Length : 0), list.Sum(s => s.Rows));
    }
}
