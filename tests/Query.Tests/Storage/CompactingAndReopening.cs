using Microsoft.Extensions.Logging.Abstractions;
using Query.Segments;
using Query.Tests.Search;

namespace Query.Tests.Storage;

public sealed class CompactingAndReopening : IDisposable
{
    const long Hour = 1_763_020_800_000_000_000; // 2025-11-13T08:00Z, the start of an hour
    readonly LocalReadModel model = new();

    void FlushSmallSegments(int count)
    {
        for (var flush = 0; flush < count; flush++)
            model.Flush(Enumerable.Range(0, 500).Select(i =>
                LocalReadModel.Record($"flush {flush} line {i} token{i % 7}", Hour + (flush * 500 + i) * 1_000_000L)), offset: flush);
    }

    Compactor Compactor() => new(model.Options, model.Database, model.ReadModel, model.Writer, NullLogger<Compactor>.Instance);

    [Fact]
    public void merges_small_segments_of_an_hour_into_one_without_changing_any_result()
    {
        FlushSmallSegments(10);
        var before = model.SearchAll("token3").Select(r => r.Message).ToList();
        var inputs = model.ReadModel.Segments(LocalReadModel.Tenant);
        inputs.Count.ShouldBe(10);

        Compactor().CompactAll(CancellationToken.None).ShouldBe(1);

        var after = model.ReadModel.Segments(LocalReadModel.Tenant);
        after.Count.ShouldBe(1);
        after[0].Rows.ShouldBe(5000);
        after[0].Index.Blocks.Count.ShouldBe(3); // 5,000 rows in row groups of 2,048
        model.SearchAll("token3").Select(r => r.Message).ShouldBe(before);
        model.SearchAll("").Count.ShouldBe(5000);
        inputs.ShouldAllBe(s => !File.Exists(s.Path) && !File.Exists(s.IndexPath));
    }

    [Fact]
    public void a_running_query_keeps_reading_the_segments_a_merge_replaced()
    {
        FlushSmallSegments(8);
        using var view = model.ReadModel.Acquire(LocalReadModel.Tenant);

        Compactor().CompactAll(CancellationToken.None).ShouldBe(1);

        view.Segments.ShouldAllBe(s => File.Exists(s.Path));
        view.Dispose();
        view.Segments.ShouldAllBe(s => !File.Exists(s.Path));
    }

    [Fact]
    public void waits_for_more_segments_while_an_hour_is_busy()
    {
        FlushSmallSegments(3);
        Compactor().CompactAll(CancellationToken.None).ShouldBe(0);
        model.ReadModel.Segments(LocalReadModel.Tenant).Count.ShouldBe(3);
    }

    [Fact]
    public void a_reopened_read_model_finds_the_same_lines_and_deletes_files_no_manifest_lists()
    {
        FlushSmallSegments(3);
        var segment = model.ReadModel.Segments(LocalReadModel.Tenant)[0];
        var orphan = Path.Combine(Path.GetDirectoryName(segment.Path)!, "p0-interrupted.parquet");
        File.Copy(segment.Path, orphan);
        var before = model.SearchAll("token5").Select(r => r.Message).ToList();

        model.Reopen();

        model.SearchAll("token5").Select(r => r.Message).ShouldBe(before);
        File.Exists(orphan).ShouldBeFalse();
        model.ReadModel.NextOffset(LocalReadModel.Tenant, 0).ShouldBe(3);
    }

    [Fact]
    public void a_damaged_index_is_rebuilt_from_its_segment()
    {
        FlushSmallSegments(2);
        var segment = model.ReadModel.Segments(LocalReadModel.Tenant)[0];
        var bytes = File.ReadAllBytes(segment.IndexPath);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(segment.IndexPath, bytes);

        model.Reopen();

        model.SearchAll("token1").Count.ShouldBe(2 * Enumerable.Range(0, 500).Count(i => i % 7 == 1));
        SegmentIndexFile.Read(segment.IndexPath).Rows.ShouldBe(500);
    }

    public void Dispose() => model.Dispose();
}
