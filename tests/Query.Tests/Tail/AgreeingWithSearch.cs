using BuildingBlocks.DuckDb;
using Contracts.Logs;
using Query.Indexing;
using Query.Language;
using Query.Search;
using Query.Storage;
using Query.Tail;
using static Query.Tests.Tail.TailFilters;

namespace Query.Tests.Tail;

/// <summary>
/// A tail and a search give the same answer for every filter: the same records go through the head table with the SQL
/// search compiles, and through the tail's matcher.
/// </summary>
public sealed class AgreeingWithSearch : IDisposable
{
    readonly string directory = Path.Combine(Path.GetTempPath(), "tail-tests-" + Guid.NewGuid().ToString("N")[..8]);
    readonly QueryDatabase database;
    readonly DuckConnection connection;
    readonly HeadTable head;

    static readonly LogRecord[] Records =
    [
        Line("payment failed: card declined", LogLevel.Error, "checkout", "web-1", "abc123", attributes: [("http.status", "500"), ("duration_ms", "900")]),
        Line("Payment OK", LogLevel.Info, "checkout", null, eventId: "e-1", attributes: [("duration_ms", "1200.5"), ("user_id", "u-42")]),
        Line("timeouts everywhere", LogLevel.Warn, "api", "web-2", source: LogSource.Loki, attributes: [("duration_ms", "abc")]),
        Line("upstream timeout (after 30s)", LogLevel.Fatal, null, "web-1", time: Noon + 5_000_000_000, attributes: [("ratio", "1e3")]),
        Line("Grüße aus Köln", LogLevel.Debug, "greeter", source: LogSource.Otlp, attributes: [("city", "Köln")]),
        Line("", LogLevel.Trace, "api", attributes: [("http.status", "404"), ("empty", "")]),
        Line("connection-refused by 10.0.0.1", LogLevel.Error, "API", "web-3", "def", source: LogSource.Clef),
        Line("GET /orders/42 took 130ms", LogLevel.Info, "orders", time: Noon - 60_000_000_000, attributes: [("duration_ms", "-3")]),
    ];

    static readonly Expr[] Filters =
    [
        new MatchAll(), Eq("service", "checkout"), Eq("Service", "api"), Ne("service", "api"), Ne("host", "web-1"),
        Eq("level", "ERR"), Eq("level", "warning"), Ne("level", "error"), Eq("level", "loud"), Ne("level", "loud"),
        Is("level", CompareOp.GreaterOrEqual, "warn"), Is("level", CompareOp.Less, "info"), OneOf("level", "debug", "fatal", "nope"),
        Eq("http.status", "500"), Ne("http.status", "500"), Eq("empty", ""), Present("empty"), Present("http.status"), Present("host"),
        Is("duration_ms", CompareOp.Greater, "1000"), Is("duration_ms", CompareOp.LessOrEqual, "900"), Is("duration_ms", CompareOp.Less, "0"),
        Is("duration_ms", CompareOp.Greater, "1000", quoted: true), Is("duration_ms", CompareOp.Less, "abd", quoted: true),
        Is("ratio", CompareOp.Greater, "999"), Is("service", CompareOp.Greater, "api"), Is("city", CompareOp.Greater, "Koln", quoted: true),
        Has("message", "PAYMENT"), Has("message", "ü"), Has("service", "API"), Has("level", "rr"), Has("host", ""),
        Like("message", @"\d+ms$"), Like("service", "^a"), Unlike("service", "^a"), Unlike("host", "1$"), Like("message", "(?i)grüße"),
        OneOf("service", "api", "orders"), OneOf("user_id", "u-42", "u-43"), Eq("source", "loki"), Eq("event_id", "e-1"), Eq("trace_id", "abc123"),
        Eq("traceId", "def"), Is("timestamp", CompareOp.Greater, "2026-01-01T12:00:00Z"), Is("@t", CompareOp.LessOrEqual, "2026-01-01T12:00:00Z"),
        Word("timeout"), Word("payment"), Word("connection refused"), Word("connection-refused"), Word("10.0.0.1"), Word("Grüße"), Word("köln"),
        Not(Eq("service", "api")), Not(Present("host")), Not(Ne("host", "web-1")), Both(Word("payment"), Eq("level", "error")),
        Either(Eq("service", "api"), Has("message", "timeout")), Not(Either(Like("message", "^G"), Is("level", CompareOp.Greater, "info"))),
    ];

    public AgreeingWithSearch()
    {
        Directory.CreateDirectory(directory);
        database = new QueryDatabase(new StorageOptions(directory));
        connection = database.Connect();
        head = new HeadTable(database, connection, 1);
        using var rows = new HeadRows(connection.CreateAppender(head.Name));
        for (var i = 0; i < Records.Length; i++) rows.Append("acme", 0, Records[i], i);
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    public static TheoryData<int> FilterNumbers() => [.. Enumerable.Range(0, Filters.Length)];

    [Theory]
    [MemberData(nameof(FilterNumbers))]
    public void a_tail_matches_the_lines_a_search_finds(int filterNumber)
    {
        var filter = Filters[filterNumber];
        var matcher = Matcher(filter);
        var byTail = Enumerable.Range(0, Records.Length).Where(i => matcher.Matches(Records[i])).ToList();
        BySearch(filter).ShouldBe(byTail, filter.ToString());
    }

    [Fact]
    public void whole_words_match_exactly_where_the_search_pattern_does()
    {
        const string alphabet = "aAbB_1 -.üÜ";
        var random = new Random(20260101);
        string Text(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        using var statement = connection.Prepare("SELECT regexp_matches($1, $2)");
        for (var i = 0; i < 5000; i++)
        {
            var (text, message) = (Text(1, 3), Text(0, 8));
            var bySearch = statement.Bind(1, message).Bind(2, TextPattern.For(text)).ExecuteScalar<bool>();
            WholeWords.Occur(text, message).ShouldBe(bySearch, $"'{text}' in '{message}'");
        }
    }

    List<int> BySearch(Expr filter)
    {
        var parameters = new SqlParameters();
        var compiled = FilterCompiler.Compile(filter, parameters);
        using var statement = parameters.Prepare(connection, $"SELECT row_id FROM {head.Name} WHERE {compiled.Head} ORDER BY row_id");
        using var reader = statement.ExecuteReader();
        var found = new List<int>();
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++) found.Add((int)reader.GetInt64(0, row));
        return found;
    }
}
