using Query.Language;
using static Query.Tests.Language.Trees;

namespace Query.Tests.Language;

/// <summary>Each stage after a pipe becomes its own node, positioned at the stage's name; names, <c>by</c>,
/// <c>asc</c>/<c>desc</c> and function names are read in any case.</summary>
public sealed class ReadingPipeStages
{
    [Fact]
    public void stages_without_a_filter_apply_to_every_line()
    {
        var ast = QueryParser.Parse("| count");

        ast.Filter.ShouldBe(new MatchAll());
        ast.Stages.ShouldBeTree(new Stage[] { new CountStage([], 2) });
    }

    [Fact]
    public void count_may_group_by_several_fields() =>
        StagesOf("level=error | count by service, host").ShouldBeTree(new Stage[]
        {
            new CountStage([Field("service", 23), Field("host", 32)], 14),
        });

    [Fact]
    public void stage_names_and_by_are_read_in_any_case() =>
        StagesOf("| COUNT By service").ShouldBeTree(new Stage[] { new CountStage([Field("service", 11)], 2) });

    [Theory]
    [InlineData("500ms", 0, 0, 0, 500)]
    [InlineData("30s", 0, 0, 30, 0)]
    [InlineData("1m", 0, 1, 0, 0)]
    [InlineData("90m", 1, 30, 0, 0)]
    [InlineData("1h", 1, 0, 0, 0)]
    [InlineData("1d", 24, 0, 0, 0)]
    public void histogram_takes_an_interval_with_a_unit(string interval, int hours, int minutes, int seconds, int milliseconds) =>
        StagesOf("| histogram " + interval).ShouldBeTree(new Stage[]
        {
            new HistogramStage(new TimeSpan(0, hours, minutes, seconds, milliseconds), null, 2),
        });

    [Fact]
    public void histogram_may_split_its_buckets_by_one_field() =>
        StagesOf("| histogram 5m by level").ShouldBeTree(new Stage[]
        {
            new HistogramStage(TimeSpan.FromMinutes(5), Field("level", 18), 2),
        });

    [Fact]
    public void top_takes_a_count_and_a_field() =>
        StagesOf("level=error | top 10 host").ShouldBeTree(new Stage[] { new TopStage(10, Field("host", 21), 14) });

    [Fact]
    public void fields_takes_a_list() =>
        StagesOf("| fields timestamp, http.status,message").ShouldBeTree(new Stage[]
        {
            new FieldsStage([Field("timestamp", 9), Field("http.status", 20), Field("message", 32)], 2),
        });

    [Theory]
    [InlineData("| sort duration_ms", true)]
    [InlineData("| sort duration_ms desc", true)]
    [InlineData("| sort duration_ms DESC", true)]
    [InlineData("| sort duration_ms asc", false)]
    [InlineData("| sort duration_ms Asc", false)]
    public void sort_is_descending_unless_asc_is_written(string query, bool descending) =>
        StagesOf(query).ShouldBeTree(new Stage[] { new SortStage(Field("duration_ms", 7), descending, 2) });

    [Theory]
    [InlineData("| limit 1", 1)]
    [InlineData("| limit 50", 50)]
    [InlineData("| limit 100000", 100_000)]
    public void limit_takes_a_count_from_one_to_a_hundred_thousand(string query, int count) =>
        StagesOf(query).ShouldBeTree(new Stage[] { new LimitStage(count, 2) });

    [Theory]
    [InlineData("avg", StatsFunction.Avg)]
    [InlineData("min", StatsFunction.Min)]
    [InlineData("max", StatsFunction.Max)]
    [InlineData("sum", StatsFunction.Sum)]
    [InlineData("p50", StatsFunction.P50)]
    [InlineData("p95", StatsFunction.P95)]
    [InlineData("P99", StatsFunction.P99)]
    public void stats_takes_a_function_of_a_field(string name, StatsFunction function) =>
        StagesOf($"| stats {name}(duration_ms)").ShouldBeTree(new Stage[] { new StatsStage(function, Field("duration_ms", 12), [], 2) });

    [Fact]
    public void stats_may_group_by_fields() =>
        StagesOf("| stats p95 ( duration_ms ) by service, host").ShouldBeTree(new Stage[]
        {
            new StatsStage(StatsFunction.P95, Field("duration_ms", 14), [Field("service", 31), Field("host", 40)], 2),
        });

    [Fact]
    public void stages_may_come_in_any_order_and_repeat_for_the_compiler_to_judge() =>
        StagesOf("x | limit 5 | sort a asc | limit 3 | count").ShouldBeTree(new Stage[]
        {
            new LimitStage(5, 4),
            new SortStage(Field("a", 19), false, 14),
            new LimitStage(3, 27),
            new CountStage([], 37),
        });

    [Fact]
    public void a_pipe_needs_no_spaces_around_it()
    {
        var ast = QueryParser.Parse("level=error|count by service|limit 3");

        ast.Filter.ShouldBe(new Compare(Field("level", 0), CompareOp.Equal, Bare("error", 6), 0));
        ast.Stages.ShouldBeTree(new Stage[] { new CountStage([Field("service", 21)], 12), new LimitStage(3, 29) });
    }
}
