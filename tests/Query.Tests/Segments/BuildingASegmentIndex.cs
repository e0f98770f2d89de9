using System.Text;
using Query.Segments;

namespace Query.Tests.Segments;

public class BuildingASegmentIndex
{
    // Rows of three blocks (4, 3 and 2 rows); only block 1 (the second) mentions "kafka".
    static readonly (long Time, int Level, string Message)[] Rows =
    [
        (500, 2, "user signed in"), (100, 2, "user signed out"), (300, 3, "slow query"), (200, 2, "cache miss"),
        (900, 4, "Kafka broker unreachable"), (700, 4, "retrying"), (800, 5, "giving up"),
        (1_000, 0, "tick"), (1_100, 1, "tock"),
    ];

    static SegmentIndex Index(int[] rowGroups, IEnumerable<(long Time, int Level, string Message)> rows)
    {
        var builder = new SegmentIndexBuilder(rowGroups);
        foreach (var (time, level, message) in rows)
        {
            builder.BeginRow(time, level);
            builder.AddText(Encoding.UTF8.GetBytes(message));
            builder.AddText("api eu-west-1"u8);
        }
        return builder.Build([]);
    }

    [Fact]
    public void cuts_blocks_at_the_given_row_group_sizes()
    {
        var index = Index([4, 3, 2], Rows);

        index.Blocks.Select(b => (b.FirstRow, b.Rows)).ShouldBe([(0L, 4), (4L, 3), (7L, 2)]);
        index.Rows.ShouldBe(9);
    }

    [Fact]
    public void summarises_the_time_range_and_levels_of_each_block()
    {
        var index = Index([4, 3, 2], Rows);

        index.Blocks.Select(b => (b.MinTimeNanos, b.MaxTimeNanos)).ShouldBe([(100L, 500L), (700L, 900L), (1_000L, 1_100L)]);
        index.Blocks[0].LevelCounts.ShouldBe([0, 0, 3, 1, 0, 0]);
        index.Blocks[1].LevelCounts.ShouldBe([0, 0, 0, 0, 2, 1]);
        index.Blocks[2].LevelCounts.ShouldBe([1, 1, 0, 0, 0, 0]);
        index.Blocks[1].MayContainLevel(4).ShouldBeTrue();
        index.Blocks[0].MayContainLevel(4).ShouldBeFalse();
        index.Blocks[0].MayContainLevel(6).ShouldBeFalse();
        (index.MinTimeNanos, index.MaxTimeNanos).ShouldBe((100L, 1_100L));
    }

    [Fact]
    public void lets_a_term_through_only_in_the_blocks_that_contain_it()
    {
        var index = Index([4, 3, 2], Rows);

        index.Blocks.Select(b => b.Bloom.MightContainAll(Tokens.HashesOf("kafka broker"))).ShouldBe([false, true, false]);
        index.Blocks.ShouldAllBe(b => b.Bloom.MightContainAll(Tokens.HashesOf("eu-west-1")));
    }

    [Fact]
    public void keeps_the_batches_it_is_given()
    {
        var batch = new SeenBatch(Guid.NewGuid(), 1_700_000_000);
        var builder = new SegmentIndexBuilder([1]);
        builder.BeginRow(1, 2);

        builder.Build([batch]).Batches.ShouldBe([batch]);
    }

    [Fact]
    public void summarises_an_empty_row_group_as_a_block_no_time_range_overlaps()
    {
        var index = Index([0, 2, 0], [(5, 2, "a"), (6, 2, "b")]);

        index.Blocks.Select(b => (b.FirstRow, b.Rows)).ShouldBe([(0L, 0), (0L, 2), (2L, 0)]);
        index.Blocks[0].MinTimeNanos.ShouldBeGreaterThan(index.Blocks[0].MaxTimeNanos);
        index.Blocks[0].Bloom.MightContain(Tokens.HashesOf("a").Single()).ShouldBeFalse();
    }

    [Theory]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(0)]
    public void refuses_to_build_when_the_rows_differ_from_the_row_groups(int rows)
    {
        var builder = new SegmentIndexBuilder([4, 3, 2]);
        foreach (var (time, level, _) in Enumerable.Range(0, rows).Select(i => Rows[i % Rows.Length]))
            builder.BeginRow(time, level);

        Should.Throw<InvalidOperationException>(() => builder.Build([])).Message.ShouldContain("9");
    }

    [Fact]
    public void refuses_text_before_the_first_row_and_a_level_out_of_range()
    {
        var builder = new SegmentIndexBuilder([1]);

        Should.Throw<InvalidOperationException>(() => builder.AddText("x"u8));
        Should.Throw<ArgumentOutOfRangeException>(() => builder.BeginRow(0, 6));
        Should.Throw<ArgumentOutOfRangeException>(() => builder.BeginRow(0, -1));
    }
}
