using System.Diagnostics.Metrics;
using ServiceDefaults.Metrics;

namespace ServiceDefaults.Tests;

public sealed class ScrapingHistograms : IDisposable
{
    readonly PrometheusMetrics _metrics = new();
    readonly Meter _meter = new("test.histograms");

    public void Dispose()
    {
        _meter.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void buckets_are_cumulative_and_are_followed_by_inf_sum_and_count()
    {
        var latency = _meter.CreateHistogram<double>("test.h.latency", "s", "Time to answer.");
        foreach (var seconds in new[] { 3, 7, 7, 20_000 }) latency.Record(seconds, new KeyValuePair<string, object?>("route", "/a"));

        Exposition.FamilyLines(_metrics.Scrape(), "test_h_latency_seconds").ShouldBe([
            "# HELP test_h_latency_seconds Time to answer.",
            "# TYPE test_h_latency_seconds histogram",
            """test_h_latency_seconds_bucket{route="/a",le="0"} 0""",
            """test_h_latency_seconds_bucket{route="/a",le="5"} 1""",
            """test_h_latency_seconds_bucket{route="/a",le="10"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="25"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="50"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="75"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="100"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="250"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="500"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="750"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="1000"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="2500"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="5000"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="7500"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="10000"} 3""",
            """test_h_latency_seconds_bucket{route="/a",le="+Inf"} 4""",
            """test_h_latency_seconds_sum{route="/a"} 20017""",
            """test_h_latency_seconds_count{route="/a"} 4""",
        ]);
    }

    [Fact]
    public void a_value_on_a_boundary_counts_in_that_bucket()
    {
        var waits = _meter.CreateHistogram<int>("test.h.waits");
        waits.Record(5);

        var scrape = _metrics.Scrape();
        Exposition.Value(scrape, """test_h_waits_bucket{le="0"}""").ShouldBe("0");
        Exposition.Value(scrape, """test_h_waits_bucket{le="5"}""").ShouldBe("1");
    }

    [Fact]
    public void the_instruments_advice_sets_the_bucket_boundaries()
    {
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] };
        var duration = _meter.CreateHistogram("test.h.duration", "s", description: null, tags: null, advice);
        duration.Record(0.5);

        Exposition.FamilyLines(_metrics.Scrape(), "test_h_duration_seconds").Where(line => !line.StartsWith('#')).ShouldBe([
            """test_h_duration_seconds_bucket{le="0.1"} 0""",
            """test_h_duration_seconds_bucket{le="1"} 1""",
            """test_h_duration_seconds_bucket{le="+Inf"} 1""",
            "test_h_duration_seconds_sum 0.5",
            "test_h_duration_seconds_count 1",
        ]);
    }

    [Fact]
    public void milliseconds_are_exported_as_seconds_with_boundaries_and_sum_converted()
    {
        var queueTime = _meter.CreateHistogram<int>("test.h.queue_time", "ms");
        queueTime.Record(250);

        var scrape = _metrics.Scrape();
        scrape.ShouldContain("# TYPE test_h_queue_time_seconds histogram\n");
        Exposition.Value(scrape, """test_h_queue_time_seconds_bucket{le="0.1"}""").ShouldBe("0");
        Exposition.Value(scrape, """test_h_queue_time_seconds_bucket{le="0.25"}""").ShouldBe("1");
        Exposition.Value(scrape, "test_h_queue_time_seconds_sum").ShouldBe("0.25");
    }

    [Fact]
    public void a_tag_named_le_is_renamed_so_it_does_not_clash_with_the_bucket_label()
    {
        var sizes = _meter.CreateHistogram<long>("test.h.sizes");
        sizes.Record(1, new KeyValuePair<string, object?>("le", "x"));

        Exposition.Value(_metrics.Scrape(), """test_h_sizes_bucket{key_le="x",le="5"}""").ShouldBe("1");
    }
}
