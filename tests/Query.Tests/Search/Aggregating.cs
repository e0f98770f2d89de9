using System.Globalization;
using Contracts.Logs;
using Query.Search;

namespace Query.Tests.Search;

/// <summary>Aggregations over head and segments together, checked against counts computed from the raw records.</summary>
public sealed class Aggregating : IDisposable
{
    const long Start = 1_763_020_800_000_000_000; // 2025-11-13T08:00:00Z
    const long Minute = 60_000_000_000;
    static readonly string[] Services = ["api", "billing", "search", "auth"];
    readonly LocalReadModel model = new();
    readonly List<LogRecord> records = [];

    public Aggregating()
    {
        var random = new Random(11);
        for (var i = 0; i < 6000; i++)
        {
            // Minutes 0–9 and 15–19 only: the histogram must show zero buckets for minutes 10–14.
            var minute = random.Next(15) is var m && m >= 10 ? m + 5 : m;
            var level = random.Next(10) switch { 0 => LogLevel.Error, 1 => LogLevel.Warn, _ => LogLevel.Info };
            var service = Services[random.Next(Services.Length)];
            var attributes = new Dictionary<string, string> { ["duration_ms"] = random.Next(1, 500).ToString(CultureInfo.InvariantCulture) };
            if (i % 3 == 0) attributes["region"] = i % 2 == 0 ? "eu" : "us";
            records.Add(LocalReadModel.Record(random.Next(4) == 0 ? "request timeout upstream" : "request ok", Start + minute * Minute + i,
                level, attributes: attributes) with { Service = service, Host = $"web-{random.Next(7)}" });
        }
        model.Flush(records.Take(4000), offset: 1);
        model.Append(records.Skip(4000), offset: 2); // the rest stays in the head
    }

    SearchResponse Run(string query) => model.Search(query, from: Start, to: Start + 20 * Minute);

    [Fact]
    public void count_by_service_matches_the_raw_data()
    {
        var response = Run("level=error | count by service");

        response.Columns!.Select(c => $"{c.Name}:{c.Type}").ShouldBe(["service:string", "count:long"]);
        var expected = records.Where(r => r.Level == LogLevel.Error).GroupBy(r => r.Service!).ToDictionary(g => g.Key, g => (long)g.Count());
        response.Rows!.ToDictionary(r => (string)r[0]!, r => (long)r[1]!).ShouldBe(expected, ignoreOrder: true);
        response.Rows!.Select(r => (long)r[1]!).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void filters_with_or_not_in_and_regex_count_exactly()
    {
        long Count(string query) => (long)Run(query + " | count").Rows![0][0]!;

        Count("").ShouldBe(records.Count);
        Count("level=error OR level=warn").ShouldBe(records.Count(r => r.Level is LogLevel.Error or LogLevel.Warn));
        Count("level>=warn").ShouldBe(records.Count(r => r.Level >= LogLevel.Warn));
        Count("NOT service=api timeout").ShouldBe(records.Count(r => r.Service != "api" && r.Message.Contains("timeout")));
        Count("service IN (\"billing\", \"auth\")").ShouldBe(records.Count(r => r.Service is "billing" or "auth"));
        Count("host =~ \"^web-[0-2]$\"").ShouldBe(records.Count(r => r.Host is "web-0" or "web-1" or "web-2"));
        Count("host !~ \"^web-[0-2]$\"").ShouldBe(records.Count(r => r.Host is not ("web-0" or "web-1" or "web-2")));
        Count("EXISTS region").ShouldBe(records.Count(r => r.Attributes.ContainsKey("region")));
        Count("NOT EXISTS region").ShouldBe(records.Count(r => !r.Attributes.ContainsKey("region")));
        Count("region!=eu").ShouldBe(records.Count(r => r.Attributes.GetValueOrDefault("region") == "us"));
        Count("duration_ms > 250").ShouldBe(records.Count(r => int.Parse(r.Attributes["duration_ms"], CultureInfo.InvariantCulture) > 250));
        Count("message CONTAINS \"TIME\"").ShouldBe(records.Count(r => r.Message.Contains("time")));
        Count("no_such_field=x").ShouldBe(0);
    }

    [Fact]
    public void top_hosts_by_errors_match_the_raw_data()
    {
        var response = Run("level=error | top 3 host");

        var expected = records.Where(r => r.Level == LogLevel.Error).GroupBy(r => r.Host!)
            .Select(g => (Host: g.Key, Count: (long)g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Host, StringComparer.Ordinal).Take(3);
        response.Rows!.Select(r => ((string)r[0]!, (long)r[1]!)).ShouldBe(expected);
    }

    [Fact]
    public void stats_of_a_numeric_attribute_by_service_match_the_raw_data()
    {
        var response = Run("| stats avg(duration_ms) by service | sort service asc");

        response.Columns!.Select(c => c.Name).ShouldBe(["service", "avg(duration_ms)"]);
        var expected = records.GroupBy(r => r.Service!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Average(r => double.Parse(r.Attributes["duration_ms"], CultureInfo.InvariantCulture))));
        response.Rows!.Select(r => ((string)r[0]!, Math.Round((double)r[1]!, 6))).ShouldBe(expected.Select(e => (e.Key, Math.Round(e.Item2, 6))));
        var p95 = (double)Run("| stats p95(duration_ms)").Rows![0][0]!;
        p95.ShouldBeInRange(450, 500);
    }

    [Fact]
    public void a_histogram_has_every_aligned_bucket_with_zeros_where_nothing_happened()
    {
        var response = Run("timeout | histogram 1m");

        response.Columns!.Select(c => $"{c.Name}:{c.Type}").ShouldBe(["time:timestamp", "count:long"]);
        response.Rows!.Count.ShouldBe(20);
        for (var minute = 0; minute < 20; minute++)
        {
            var row = response.Rows![minute];
            row[0].ShouldBe($"2025-11-13T08:{minute:00}:00.000000000Z");
            var expected = records.Count(r => r.Message.Contains("timeout") && (r.TimestampNanos - Start) / Minute == minute);
            ((long)row[1]!).ShouldBe(expected, $"minute {minute}");
        }
        response.Rows!.Skip(10).Take(5).ShouldAllBe(r => (long)r[1]! == 0);
    }

    [Fact]
    public void a_histogram_by_level_fills_every_level_in_every_bucket()
    {
        var response = Run("| histogram 5m by level");

        response.Rows!.Count.ShouldBe(4 * 3); // 4 buckets of 5 minutes × 3 levels
        response.Rows!.Sum(r => (long)r[2]!).ShouldBe(records.Count);
        response.Rows!.Where(r => (string)r[0]! == "2025-11-13T08:10:00.000000000Z").ShouldAllBe(r => (long)r[2]! == 0);
    }

    [Fact]
    public void lines_can_be_sorted_by_a_field_and_trimmed_to_some_fields()
    {
        var response = Run("service=api | sort duration_ms desc | fields duration_ms, host | limit 5");

        var lines = response.Results!.Cast<Dictionary<string, string?>>().ToList();
        lines.Count.ShouldBe(5);
        lines.ShouldAllBe(l => l.Keys.OrderBy(k => k).SequenceEqual(new[] { "duration_ms", "host", "timestamp" }));
        var expected = records.Where(r => r.Service == "api").Select(r => int.Parse(r.Attributes["duration_ms"], CultureInfo.InvariantCulture))
            .OrderByDescending(d => d).Take(5);
        lines.Select(l => int.Parse(l["duration_ms"]!, CultureInfo.InvariantCulture)).ShouldBe(expected);
    }

    public void Dispose() => model.Dispose();
}
