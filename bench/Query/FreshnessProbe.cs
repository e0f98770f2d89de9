using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Query.Bench;

/// <summary>
/// Ingest-to-searchable: posts one native NDJSON line with a unique token to Ingestion and polls the query API every
/// 25 ms until the token is found (through logs.raw, Processing, logs.processed and the indexer's flush).
/// </summary>
static class FreshnessProbe
{
    public sealed record Result(List<double> Ms, int TimedOut);

    public static async Task<Result> RunAsync(HttpClient ingestion, SearchClient search, int probes = 50, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var result = new Result([], 0);
        var timedOut = 0;
        for (var p = 0; p < probes; p++)
        {
            var token = "fresh" + Guid.NewGuid().ToString("N")[..16];
            var line = JsonSerializer.Serialize(new
            {
                timestamp = DateTimeOffset.UtcNow.ToString("O"), level = "info", service = "query-bench", instance = "bench-probe",
                message = $"freshness probe {p} {token}",
            }) + "\n";
            var started = Stopwatch.StartNew();
            using (var response = await ingestion.PostAsync("/api/v1/logs", Ndjson(line)))
                if (response.StatusCode != HttpStatusCode.Accepted)
                    throw new HttpRequestException($"ingestion answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            while (true)
            {
                if ((await search.SearchAsync(token, limit: 10)).Count > 0)
                {
                    result.Ms.Add(started.Elapsed.TotalMilliseconds);
                    break;
                }
                if (started.Elapsed > limit)
                {
                    timedOut++;
                    break;
                }
                await Task.Delay(25);
            }
        }
        return result with { TimedOut = timedOut };
    }

    static ByteArrayContent Ndjson(string line)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(line));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }
}
