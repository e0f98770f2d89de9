using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Query.Bench;

/// <summary>POST /api/v1/query as a user's search box sends it; times the round trip on the client.</summary>
sealed class SearchClient(HttpClient query, DateTimeOffset from)
{
    public sealed record Answer(long Count, IReadOnlyList<JsonElement> Results, double ClientMs, double ServerMs, Stats Stats);

    /// <summary>An aggregation's table. <see cref="ServerMs"/> of a cached answer is the run that filled the cache.</summary>
    public sealed record Table(IReadOnlyList<Column> Columns, IReadOnlyList<JsonElement> Rows, string RowsJson, bool Cached,
        double ClientMs, double ServerMs, Stats Stats);

    public sealed record Column(string Name, string Type);

    public sealed record Stats(long SegmentsScanned, long SegmentsSkipped, long BlocksScanned, long BlocksSkipped, long BytesRead);

    /// <summary>Lines from <c>from</c> until now.</summary>
    public async Task<Answer> SearchAsync(string text, int limit = 100)
    {
        var (root, elapsed) = await PostAsync(text, from, DateTimeOffset.UtcNow, limit);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        return new Answer(
            root.TryGetProperty("count", out var count) ? count.GetInt64() : results.Count,
            results, elapsed, ServerMsOf(root), StatsOf(root));
    }

    /// <summary>An aggregation over [<paramref name="since"/>, <paramref name="until"/>).</summary>
    public async Task<Table> AggregateAsync(string text, DateTimeOffset since, DateTimeOffset until)
    {
        var (root, elapsed) = await PostAsync(text, since, until, limit: 100);
        var columns = root.GetProperty("columns").EnumerateArray()
            .Select(c => new Column(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToList();
        var rows = root.GetProperty("rows");
        return new Table(columns, rows.EnumerateArray().ToList(), rows.GetRawText(),
            root.TryGetProperty("cached", out var cached) && cached.GetBoolean(), elapsed, ServerMsOf(root), StatsOf(root));
    }

    async Task<(JsonElement Root, double ClientMs)> PostAsync(string text, DateTimeOffset since, DateTimeOffset until, int limit)
    {
        var body = new { query = text, range = new { from = since.ToString("O"), to = until.ToString("O") }, limit };
        var started = Stopwatch.GetTimestamp();
        using var response = await query.PostAsJsonAsync("/api/v1/query", body);
        var json = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"query '{text}' answered {(int)response.StatusCode}: {json[..Math.Min(json.Length, 500)]}");
        return (JsonDocument.Parse(json).RootElement, elapsed);
    }

    static double ServerMsOf(JsonElement root) => root.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : double.NaN;

    static Stats StatsOf(JsonElement root)
    {
        if (!root.TryGetProperty("stats", out var stats) || stats.ValueKind != JsonValueKind.Object) return new Stats(0, 0, 0, 0, 0);
        long Get(string name) => stats.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
        return new Stats(Get("segmentsScanned"), Get("segmentsSkipped"), Get("blocksScanned"), Get("blocksSkipped"), Get("bytesRead"));
    }
}
