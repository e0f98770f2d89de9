using System.Diagnostics.Metrics;
using ServiceDefaults.Metrics;

namespace ServiceDefaults.Tests;

public sealed class ScrapingCountersAndGauges : IDisposable
{
    readonly PrometheusMetrics _metrics = new();
    readonly Meter _meter = new("test.counters_and_gauges");

    public void Dispose()
    {
        _meter.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public void a_counter_sums_its_increments_per_tag_set()
    {
        var requests = _meter.CreateCounter<int>("test.cg.requests", "{request}", "Requests handled.");
        requests.Add(1, new KeyValuePair<string, object?>("status", 200));
        requests.Add(2, new KeyValuePair<string, object?>("status", 200));
        requests.Add(5, new KeyValuePair<string, object?>("status", 500));

        Exposition.FamilyLines(_metrics.Scrape(), "test_cg_requests_total").ShouldBe([
            "# HELP test_cg_requests_total Requests handled.",
            "# TYPE test_cg_requests_total counter",
            "test_cg_requests_total{status=\"200\"} 3",
            "test_cg_requests_total{status=\"500\"} 5",
        ]);
    }

    [Fact]
    public void tags_passed_in_any_order_are_one_series()
    {
        var jobs = _meter.CreateCounter<long>("test.cg.jobs");
        jobs.Add(1, new("queue", "mail"), new("tenant", "acme"));
        jobs.Add(2, new("tenant", "acme"), new("queue", "mail"));

        Exposition.FamilyLines(_metrics.Scrape(), "test_cg_jobs_total")
            .Where(line => !line.StartsWith('#')).ShouldBe(["test_cg_jobs_total{queue=\"mail\",tenant=\"acme\"} 3"]);
    }

    [Fact]
    public void an_up_down_counter_is_a_gauge_of_its_running_sum()
    {
        var inFlight = _meter.CreateUpDownCounter<int>("test.cg.in_flight");
        inFlight.Add(5);
        inFlight.Add(-2);

        var scrape = _metrics.Scrape();
        scrape.ShouldContain("# TYPE test_cg_in_flight gauge\n");
        Exposition.Value(scrape, "test_cg_in_flight").ShouldBe("3");
    }

    [Fact]
    public void a_gauge_reports_the_last_recorded_value()
    {
        var temperature = _meter.CreateGauge<double>("test.cg.temperature");
        temperature.Record(21.5);
        temperature.Record(19.25);

        var scrape = _metrics.Scrape();
        scrape.ShouldContain("# TYPE test_cg_temperature gauge\n");
        Exposition.Value(scrape, "test_cg_temperature").ShouldBe("19.25");
    }

    [Fact]
    public void observable_instruments_report_what_their_callbacks_observed_at_scrape_time()
    {
        var observed = 40;
        _meter.CreateObservableCounter("test.cg.bytes_read", () => observed, "By");
        _meter.CreateObservableUpDownCounter("test.cg.sessions", () => new Measurement<int>(7, new KeyValuePair<string, object?>("node", "a")));
        _meter.CreateObservableGauge("test.cg.load", () => 0.75);
        observed = 42;

        var scrape = _metrics.Scrape();
        scrape.ShouldContain("# TYPE test_cg_bytes_read_bytes_total counter\n");
        Exposition.Value(scrape, "test_cg_bytes_read_bytes_total").ShouldBe("42");
        scrape.ShouldContain("# TYPE test_cg_sessions gauge\n");
        Exposition.Value(scrape, "test_cg_sessions{node=\"a\"}").ShouldBe("7");
        Exposition.Value(scrape, "test_cg_load").ShouldBe("0.75");
    }

    [Fact]
    public void every_numeric_measurement_type_is_recorded()
    {
        _meter.CreateCounter<byte>("test.cg.type_byte").Add(2);
        _meter.CreateCounter<short>("test.cg.type_short").Add(3);
        _meter.CreateCounter<int>("test.cg.type_int").Add(4);
        _meter.CreateCounter<long>("test.cg.type_long").Add(5_000_000_000);
        _meter.CreateCounter<float>("test.cg.type_float").Add(1.5f);
        _meter.CreateCounter<double>("test.cg.type_double").Add(2.25);
        _meter.CreateCounter<decimal>("test.cg.type_decimal").Add(3.125m);

        var scrape = _metrics.Scrape();
        Exposition.Value(scrape, "test_cg_type_byte_total").ShouldBe("2");
        Exposition.Value(scrape, "test_cg_type_short_total").ShouldBe("3");
        Exposition.Value(scrape, "test_cg_type_int_total").ShouldBe("4");
        Exposition.Value(scrape, "test_cg_type_long_total").ShouldBe("5000000000");
        Exposition.Value(scrape, "test_cg_type_float_total").ShouldBe("1.5");
        Exposition.Value(scrape, "test_cg_type_double_total").ShouldBe("2.25");
        Exposition.Value(scrape, "test_cg_type_decimal_total").ShouldBe("3.125");
    }

    [Fact]
    public void a_counter_ignores_negative_increments_because_prometheus_counters_never_go_down()
    {
        var retries = _meter.CreateCounter<int>("test.cg.retries");
        retries.Add(4);
        retries.Add(-3);

        Exposition.Value(_metrics.Scrape(), "test_cg_retries_total").ShouldBe("4");
    }

    [Fact]
    public void counters_of_two_meters_with_the_same_name_are_added_into_one_series()
    {
        using var secondMeter = new Meter(_meter.Name);
        _meter.CreateCounter<int>("test.cg.logins").Add(2, new KeyValuePair<string, object?>("result", "ok"));
        secondMeter.CreateCounter<int>("test.cg.logins").Add(3, new KeyValuePair<string, object?>("result", "ok"));

        Exposition.FamilyLines(_metrics.Scrape(), "test_cg_logins_total")
            .Where(line => !line.StartsWith('#')).ShouldBe(["test_cg_logins_total{result=\"ok\"} 5"]);
    }

    [Fact]
    public void concurrent_recording_loses_no_measurement()
    {
        var events = _meter.CreateCounter<int>("test.cg.events");
        var sizes = _meter.CreateHistogram<double>("test.cg.sizes");

        Parallel.For(0, 100_000, i =>
        {
            events.Add(1, new KeyValuePair<string, object?>("shard", i % 4));
            sizes.Record(1);
        });

        var scrape = _metrics.Scrape();
        for (var shard = 0; shard < 4; shard++)
            Exposition.Value(scrape, $"test_cg_events_total{{shard=\"{shard}\"}}").ShouldBe("25000");
        Exposition.Value(scrape, "test_cg_sizes_count").ShouldBe("100000");
        Exposition.Value(scrape, "test_cg_sizes_sum").ShouldBe("100000");
    }

    [Fact]
    public void recording_into_an_existing_series_does_not_allocate()
    {
        var reads = _meter.CreateCounter<long>("test.cg.reads");
        var readSizes = _meter.CreateHistogram<double>("test.cg.read_sizes");
        KeyValuePair<string, object?>[] tags = [new("tenant", "acme"), new("store", "hot")];
        reads.Add(1, tags);
        readSizes.Record(1, tags);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            reads.Add(1, tags);
            readSizes.Record(1, tags);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Not zero: another test's exporter may subscribe meanwhile and create its own series on this thread.
        allocated.ShouldBeLessThan(10_000);
        Exposition.Value(_metrics.Scrape(), """test_cg_reads_total{store="hot",tenant="acme"}""").ShouldBe("10001");
    }

    [Fact]
    public void tag_sets_beyond_the_series_limit_are_counted_in_one_overflow_series()
    {
        var hits = _meter.CreateCounter<int>("test.cg.hits");
        for (var tenant = 0; tenant < 2100; tenant++) hits.Add(1, new KeyValuePair<string, object?>("tenant", tenant));

        var scrape = _metrics.Scrape();
        Exposition.FamilyLines(scrape, "test_cg_hits_total").Count(line => !line.StartsWith('#')).ShouldBe(2001);
        Exposition.Value(scrape, "test_cg_hits_total{otel_metric_overflow=\"true\"}").ShouldBe("100");
    }
}
