using Contracts.Logs;
using Query.Search;

namespace Query.Tests.Search;

/// <summary>Filter-less counts and histograms take whole segments from their block index; the answers must equal the raw data's.</summary>
public sealed class AnsweringFromTheIndex : IDisposable
{
    const long Start = 1_763_020_800_000_000_000; // 2025-11-13T08:00:00Z, the start of an hour
    const long Minute = 60_000_000_000;
    const long From = Start + 20 * Minute;
    const long To = Start + 4 * 60 * Minute + 10 * Minute;
    readonly LocalReadModel model = new();
    readonly List<LogRecord> records = [];

    public AnsweringFromTheIndex()
    {
        var random = new Random(5);
        for (var i = 0; i < 5000; i++)
        {
            var level = random.Next(10) switch { 0 => LogLevel.Error, 1 => LogLevel.Warn, 2 => LogLevel.Debug, _ => LogLevel.Info };
            records.Add(LocalReadModel.Record($"line {i}", Start + random.NextInt64(5 * 60 * Minute), level));
        }
        model.Flush(records.Take(4500), offset: 1); // one segment per hour
        model.Append(records.Skip(4500), offset: 2); // the rest stays in the head
    }

    IEnumerable<LogRecord> InRange => records.Where(r => r.TimestampNanos is >= From and < To);

    [Fact]
    public void a_count_reads_only_the_segments_cut_by_the_range()
    {
        var response = model.Search("| count", from: From, to: To);

        ((long)response.Rows![0][0]!).ShouldBe(InRange.Count());
        response.Stats.SegmentsFromIndex.ShouldBe(3);
        response.Stats.SegmentsScanned.ShouldBe(2);
    }

    [Fact]
    public void a_count_by_level_matches_the_raw_data_in_the_scan_order()
    {
        var response = model.Search("| count by level", from: From, to: To);

        response.Rows!.Select(r => ((string)r[0]!, (long)r[1]!))
            .ShouldBe(InRange.GroupBy(r => r.Level.ToString().ToLowerInvariant()).Select(g => (g.Key, (long)g.Count()))
                .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("| histogram 1h by level", 60)]
    [InlineData("| histogram 2h", 120)]
    [InlineData("| histogram 30m by level", 30)]
    public void histograms_match_the_raw_data(string query, int minutes)
    {
        var response = model.Search(query, from: From, to: To);
        var byLevel = query.EndsWith("by level");
        var interval = minutes * Minute;

        var expected = InRange.GroupBy(r => (Bucket: LineSearch.Rfc3339(r.TimestampNanos - r.TimestampNanos % interval),
                Level: byLevel ? r.Level.ToString().ToLowerInvariant() : null))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var found = response.Rows!.Where(r => (long)r[^1]! > 0).ToDictionary(r => (Bucket: (string)r[0]!, Level: byLevel ? (string?)r[1] : null),
            r => (long)r[^1]!);
        found.ShouldBe(expected, ignoreOrder: true);
        if (minutes >= 60) response.Stats.SegmentsFromIndex.ShouldBeGreaterThan(0);
        else response.Stats.SegmentsFromIndex.ShouldBe(0); // an hour's segment spans two 30-minute buckets
    }

    [Fact]
    public void a_filtered_count_reads_every_segment()
    {
        var response = model.Search("level=error | count", from: From, to: To);

        ((long)response.Rows![0][0]!).ShouldBe(InRange.Count(r => r.Level == LogLevel.Error));
        response.Stats.SegmentsFromIndex.ShouldBe(0);
    }

    public void Dispose() => model.Dispose();
}
