using System.Diagnostics.Metrics;
using ServiceDefaults.Metrics;

namespace ServiceDefaults.Tests;

public sealed class NamingMetricsForPrometheus : IDisposable
{
    readonly PrometheusMetrics _metrics = new();
    readonly Meter _meter = new("test.naming");

    public void Dispose()
    {
        _meter.Dispose();
        _metrics.Dispose();
    }

    [Theory]
    [InlineData("counter", "test.n.http.requests", "{request}", "test_n_http_requests_total counter")]
    [InlineData("counter", "test.n.io", "By", "test_n_io_bytes_total counter")]
    [InlineData("counter", "test.n.cpu.time", "s", "test_n_cpu_time_seconds_total counter")]
    [InlineData("counter", "test.n.jobs", "1", "test_n_jobs_total counter")]
    [InlineData("counter", "test.n.done_total", null, "test_n_done_total counter")]
    [InlineData("gauge", "test.n.memory", "By", "test_n_memory_bytes gauge")]
    [InlineData("gauge", "test.n.heap_bytes", "By", "test_n_heap_bytes gauge")]
    [InlineData("gauge", "test.n.cpu.utilization", "1", "test_n_cpu_utilization_ratio gauge")]
    [InlineData("gauge", "test.n.throughput", "By/s", "test_n_throughput_bytes_per_second gauge")]
    [InlineData("gauge", "test.n.arrivals", "{request}/s", "test_n_arrivals_per_second gauge")]
    [InlineData("gauge", "test.n.uptime", "min", "test_n_uptime_seconds gauge")]
    [InlineData("gauge", "test.n.temperature", "Cel", "test_n_temperature_celsius gauge")]
    [InlineData("gauge", "test.n.stock", "widgets", "test_n_stock_widgets gauge")]
    [InlineData("gauge", "test.n.queue--Depth!!", null, "test_n_queue_depth gauge")]
    [InlineData("gauge", "test.n.requestsInFlight", null, "test_n_requests_in_flight gauge")]
    [InlineData("gauge", "test.n.timer.count", "{timer}", "test_n_timer_count_current gauge")]
    [InlineData("updown", "test.n.connections", "{connection}", "test_n_connections gauge")]
    [InlineData("histogram", "test.n.duration", "ms", "test_n_duration_seconds histogram")]
    [InlineData("histogram", "test.n.payload", "KiBy", "test_n_payload_bytes histogram")]
    public void names_follow_the_opentelemetry_prometheus_conventions(string kind, string instrument, string? unit, string expectedType)
    {
        switch (kind)
        {
            case "counter": _meter.CreateCounter<int>(instrument, unit).Add(1); break;
            case "updown": _meter.CreateUpDownCounter<int>(instrument, unit).Add(1); break;
            case "gauge": _meter.CreateGauge<int>(instrument, unit).Record(1); break;
            default: _meter.CreateHistogram<int>(instrument, unit).Record(1); break;
        }

        _metrics.Scrape().ShouldContain($"\n# TYPE {expectedType}\n");
    }

    [Fact]
    public void values_in_a_scaled_unit_are_converted_to_the_base_unit()
    {
        _meter.CreateGauge<int>("test.n.idle", "min").Record(2);
        _meter.CreateGauge<int>("test.n.cache", "KiBy").Record(3);

        var scrape = _metrics.Scrape();
        Exposition.Value(scrape, "test_n_idle_seconds").ShouldBe("120");
        Exposition.Value(scrape, "test_n_cache_bytes").ShouldBe("3072");
    }

    [Fact]
    public void label_names_are_sanitized_and_sorted()
    {
        _meter.CreateCounter<int>("test.n.calls").Add(1, new("userId", 7), new("http.request.method", "GET"), new("1st", "x"));

        Exposition.Value(_metrics.Scrape(), """test_n_calls_total{http_request_method="GET",key_1st="x",user_id="7"}""").ShouldBe("1");
    }

    [Fact]
    public void tags_whose_keys_sanitize_alike_share_one_label()
    {
        _meter.CreateCounter<int>("test.n.merged").Add(1, new("a.b", "1"), new("a_b", "2"));

        Exposition.Value(_metrics.Scrape(), """test_n_merged_total{a_b="1;2"}""").ShouldBe("1");
    }

    [Fact]
    public void label_values_escape_backslash_quote_and_newline()
    {
        _meter.CreateCounter<int>("test.n.paths").Add(1, new KeyValuePair<string, object?>("path", "C:\\a \"b\"\nc"));

        Exposition.Value(_metrics.Scrape(), """test_n_paths_total{path="C:\\a \"b\"\nc"}""").ShouldBe("1");
    }

    [Fact]
    public void tag_values_that_are_not_strings_are_written_invariantly()
    {
        _meter.CreateCounter<int>("test.n.flags").Add(1, new("cached", true), new("ratio", 0.5), new("missing", null));

        Exposition.Value(_metrics.Scrape(), """test_n_flags_total{cached="true",missing="",ratio="0.5"}""").ShouldBe("1");
    }

    [Fact]
    public void help_is_the_description_escaped_or_else_the_instrument_name()
    {
        _meter.CreateCounter<int>("test.n.described", unit: null, description: "First line\nsecond \\ line").Add(1);
        _meter.CreateCounter<int>("test.n.undescribed").Add(1);

        var scrape = _metrics.Scrape();
        scrape.ShouldContain("# HELP test_n_described_total First line\\nsecond \\\\ line\n");
        scrape.ShouldContain("# HELP test_n_undescribed_total test.n.undescribed\n");
    }

    [Fact]
    public void numbers_are_spelled_the_way_prometheus_parses_them()
    {
        var level = _meter.CreateGauge<double>("test.n.level");
        level.Record(double.PositiveInfinity, new KeyValuePair<string, object?>("case", "pos"));
        level.Record(double.NegativeInfinity, new KeyValuePair<string, object?>("case", "neg"));
        level.Record(double.NaN, new KeyValuePair<string, object?>("case", "nan"));
        level.Record(0.1, new KeyValuePair<string, object?>("case", "tenth"));
        level.Record(1e21, new KeyValuePair<string, object?>("case", "huge"));
        level.Record(1.0 / 3, new KeyValuePair<string, object?>("case", "third"));

        var scrape = _metrics.Scrape();
        Exposition.Value(scrape, """test_n_level{case="pos"}""").ShouldBe("+Inf");
        Exposition.Value(scrape, """test_n_level{case="neg"}""").ShouldBe("-Inf");
        Exposition.Value(scrape, """test_n_level{case="nan"}""").ShouldBe("NaN");
        Exposition.Value(scrape, """test_n_level{case="tenth"}""").ShouldBe("0.1");
        Exposition.Value(scrape, """test_n_level{case="huge"}""").ShouldBe("1E+21");
        var third = Exposition.Value(scrape, """test_n_level{case="third"}""")!;
        double.Parse(third, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1.0 / 3, customMessage: "a double must round-trip");
    }

    [Fact]
    public void an_instrument_whose_family_name_is_taken_by_another_type_is_left_out()
    {
        _meter.CreateHistogram<int>("test.n.latency").Record(1);
        _meter.CreateUpDownCounter<int>("test.n.latency").Add(1);

        var lines = Exposition.FamilyLines(_metrics.Scrape(), "test_n_latency");
        lines.Count(line => line.StartsWith("# TYPE ", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain("# TYPE test_n_latency histogram");
        lines.ShouldNotContain(line => line.StartsWith("test_n_latency ", StringComparison.Ordinal));
    }
}
