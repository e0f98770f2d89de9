using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Query.Bench;

/// <summary>POST /api/v1/query as a user's search box sends it; times the round trip on the client.</summary>
sealed class SearchClient(HttpClient query, DateTimeOffset from)
{
    public sealed record Answer(long Count, IReadOnlyList<JsonElement> Results, double ClientMs, double ServerMs, Stats Stats);

    public sealed record Stats(long SegmentsScanned, long SegmentsSkipped, long BlocksScanned, long BlocksSkipped, long BytesRead);

    public async Task<Answer> SearchAsync(string text, int limit = 100)
    {
        var body = new { query = text, range = new { from = from.ToString("O"), to = DateTimeOffset.UtcNow.ToString("O") }, limit };
        var started = Stopwatch.GetTimestamp();
        using var response = await query.PostAsJsonAsync("/api/v1/query", body);
        var json = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"query '{text}' answered {(int)response.StatusCode}: {json[..Math.Min(json.Length, 500)]}");
        var root = JsonDocument.Parse(json).RootElement;
        var results = root.GetProperty("results").EnumerateArray().ToList();
        return new Answer(
            root.TryGetProperty("count", out var count) ? count.GetInt64() : results.Count,
            results, elapsed,
            root.TryGetProperty("durationMs", out var duration) ? duration.GetDouble() : double.NaN,
            StatsOf(root));
    }

    static Stats StatsOf(JsonElement root)
    {
        if (!root.TryGetProperty("stats", out var stats) || stats.ValueKind != JsonValueKind.Object) return new Stats(0, 0, 0, 0, 0);
        long Get(string name) => stats.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
        return new Stats(Get("segmentsScanned"), Get("segmentsSkipped"), Get("blocksScanned"), Get("blocksSkipped"), Get("bytesRead"));
    }
}
