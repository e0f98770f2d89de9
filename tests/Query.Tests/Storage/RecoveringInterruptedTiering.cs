using BuildingBlocks.BlobStorage;
using Microsoft.Extensions.Logging.Abstractions;
using Query.Archive;
using Query.Language;
using Query.Search;
using Query.Segments;
using Query.Tests.Search;

namespace Query.Tests.Storage;

/// <summary>
/// Tiering commits by writing the archive catalog, then the manifests. A crash between the two leaves segments listed
/// in both; a restart must settle it in the archive's favour so every line is read exactly once.
/// </summary>
public sealed class RecoveringInterruptedTiering : IDisposable
{
    const long Day = 1_763_000_000_000_000_000; // 2025-11-13T02:13:20Z
    static readonly QueryPlan Everything = QueryPlan.From(QueryParser.Parse(""));
    readonly LocalReadModel model = new();

    [Fact]
    public void segments_an_archive_object_was_made_from_leave_the_hot_tier_when_the_read_model_reopens()
    {
        for (var flush = 0; flush < 3; flush++)
            model.Flush(Enumerable.Range(0, 400).Select(i => LocalReadModel.Record($"flush {flush} line {i}", Day + (flush * 400 + i) * 1_000_000L)), flush);
        var hot = model.ReadModel.Segments(LocalReadModel.Tenant);
        WriteCatalogOnly(hot);

        var reopened = model.Reopen();

        var segments = reopened.Segments(LocalReadModel.Tenant);
        segments.Count.ShouldBe(1);
        segments[0].Archived.ShouldNotBeNull();
        hot.ShouldAllBe(s => !File.Exists(s.Path));
        var lines = Search();
        lines.Count.ShouldBe(1200);
        lines.Distinct().Count().ShouldBe(1200);
        model.Reopen().Segments(LocalReadModel.Tenant).Count.ShouldBe(1); // the manifests were rewritten, not just read around
    }

    /// <summary>What <see cref="ArchiveTiering"/> does up to the crash: the object and its index written, the catalog replaced.</summary>
    void WriteCatalogOnly(IReadOnlyList<Segment> inputs)
    {
        var directory = model.ReadModel.Layout.TenantDirectory(LocalReadModel.Tenant);
        var sources = inputs.Select(s => Path.GetRelativePath(directory, s.Path)).ToList();
        var day = ArchiveLayout.DayOf(Day);
        var local = Path.Combine(directory, ArchiveLayout.LocalFile(day, ArchiveLayout.PartId(sources)));
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        using var connection = model.Database.Connect();
        var files = string.Join(", ", inputs.Select(s => SegmentWriter.Literal(s.Path)));
        var written = model.Writer.Write(connection, $"SELECT {SegmentWriter.Columns} FROM read_parquet([{files}]) ORDER BY timestamp DESC, row_id DESC",
            local, LocalReadModel.Tenant, Segment.ArchivePartition, []);
        var entry = new ArchiveEntry("logs/tenant_id=acme/dt=2025-11-13/part-x.parquet", Path.GetRelativePath(directory, local), day, written.Rows,
            written.Bytes, written.MinTimeNanos, written.MaxTimeNanos, "md5", sources, written.CreatedAt);
        ManifestFile.Write(Path.Combine(directory, ArchiveLayout.CatalogFile), new ArchiveCatalog(LocalReadModel.Tenant, [entry]));
    }

    List<string> Search()
    {
        // The copy is local, so the cache never calls blob storage.
        var cache = new ArchiveCache(new ArchiveStore(new BlobStorageClient(BlobConnection.Parse("UseDevelopmentStorage=true"))), new ArchiveOptions(),
            NullLogger<ArchiveCache>.Instance);
        var executor = new SearchExecutor(model.ReadModel, model.Database, new QueryBudget(TimeSpan.FromSeconds(30)), cache);
        var response = executor.Run(new SearchRequest(LocalReadModel.Tenant, Everything, 0, 4_000_000_000_000_000_000, 1000, null));
        var lines = response.Results!.Cast<SearchResult>().Select(r => r.Message).ToList();
        SearchCursor.TryDecode(response.NextCursor!, out var cursor).ShouldBeTrue();
        var rest = executor.Run(new SearchRequest(LocalReadModel.Tenant, Everything, 0, 4_000_000_000_000_000_000, 1000, cursor));
        response.Stats.Tiers.ShouldNotBeNull().ShouldContain("archive");
        return [.. lines, .. rest.Results!.Cast<SearchResult>().Select(r => r.Message)];
    }

    public void Dispose() => model.Dispose();
}
