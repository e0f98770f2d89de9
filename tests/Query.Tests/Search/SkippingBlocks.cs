using System.Text.RegularExpressions;
using Contracts.Logs;

namespace Query.Tests.Search;

/// <summary>Needle searches skip blocks by their blooms and level counts, and find exactly what a full scan finds.</summary>
public sealed class SkippingBlocks : IDisposable
{
    static readonly string[] Words = ["GET", "POST", "user", "login", "failed", "timeout", "connection", "refused", "db", "cache", "miss", "ok"];
    readonly LocalReadModel model = new(rowGroupRows: 2048);
    readonly List<LogRecord> records = [];
    const long Start = 1_763_000_000_000_000_000;

    public SkippingBlocks()
    {
        var random = new Random(7);
        for (var i = 0; i < 40_000; i++)
        {
            var words = Enumerable.Range(0, 6).Select(_ => Words[random.Next(Words.Length)]);
            var message = string.Join(' ', words) + $" id={random.Next(1_000_000)}";
            if (i is 1234 or 30_001) message += " needle-7f3a";
            var level = i % 97 == 0 ? LogLevel.Error : LogLevel.Info;
            records.Add(LocalReadModel.Record(message, Start + i * 1_000_000L, level, traceId: i % 5000 == 17 ? "4bf92f3577b34da6a3ce929d0e0e4736" : null,
                attributes: new Dictionary<string, string> { ["user_id"] = $"u{i % 1000}" }));
        }
        model.Flush(records);
    }

    [Fact]
    public void a_rare_token_reads_only_the_blocks_whose_bloom_may_hold_it()
    {
        var response = model.Search("needle-7f3a");

        model.Lines(response).Select(r => r.Message).ShouldBe(FullScan("needle-7f3a").Select(r => r.Message));
        response.Count.ShouldBe(2);
        var blocks = response.Stats.BlocksScanned + response.Stats.BlocksSkipped;
        blocks.ShouldBe(20); // 40,000 rows in row groups of 2,048
        response.Stats.BlocksScanned.ShouldBeLessThanOrEqualTo(3);
        response.Stats.BlocksSkipped.ShouldBeGreaterThanOrEqualTo(17);
    }

    [Fact]
    public void a_trace_id_and_an_attribute_value_skip_blocks_too()
    {
        var byTrace = model.Search("trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
        byTrace.Count.ShouldBe(8);
        byTrace.Stats.BlocksSkipped.ShouldBeGreaterThan(10);

        var byUser = model.SearchAll("user_id=u17 timeout");
        byUser.Select(r => r.Message).ShouldBe(FullScan("timeout").Where(r => r.Attributes["user_id"] == "u17").Select(r => r.Message));
    }

    [Fact]
    public void a_level_that_a_block_never_holds_skips_that_block()
    {
        var errors = model.SearchAll("level=error");
        errors.Count.ShouldBe(records.Count(r => r.Level == LogLevel.Error));
        model.Search("level=fatal").Stats.BlocksScanned.ShouldBe(0);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("CONNECTION refused")]
    [InlineData("\"connection refused\"")]
    [InlineData("\"refused db\" level=error")]
    [InlineData("id")]
    [InlineData("nothing-like-this")]
    public void returns_what_a_full_scan_of_the_raw_records_returns(string query)
    {
        var expected = records.Where(r => Matches(r, query)).OrderByDescending(r => r.TimestampNanos).Select(r => r.Message).ToList();
        model.SearchAll(query).Select(r => r.Message).ShouldBe(expected);
    }

    List<LogRecord> FullScan(string text) =>
        [.. records.Where(r => WholeWords(text).IsMatch(r.Message)).OrderByDescending(r => r.TimestampNanos)];

    static bool Matches(LogRecord record, string query)
    {
        var level = Regex.Match(query, "level=(\\w+)");
        if (level.Success && !record.Level.ToString().Equals(level.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = Regex.Replace(query, "level=\\w+", "").Trim();
        var terms = Regex.Matches(rest, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return terms.All(t => WholeWords(t).IsMatch(record.Message));
    }

    // An independent statement of the rule: the text, ASCII case-insensitive, not inside a longer word.
    static Regex WholeWords(string text) => new($"(?<![A-Za-z0-9_]){Regex.Escape(text)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase);

    public void Dispose() => model.Dispose();
}
