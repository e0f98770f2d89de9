using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class TailingLogs(QueryStack stack) : IAsyncLifetime
{
    static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);
    readonly CancellationTokenSource end = new();
    readonly List<IDisposable> open = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await end.CancelAsync();
        open.ForEach(o => o.Dispose());
        end.Dispose();
    }

    [Fact]
    public async Task a_tail_delivers_a_line_posted_to_ingestion_within_a_second_and_only_the_tenants_own_matching_lines()
    {
        var (_, keyA) = await stack.OnboardAsync();
        var (_, keyB) = await stack.OnboardAsync();
        var token = "tail" + Guid.NewGuid().ToString("N")[..12];
        var filter = $"{token} AND level=error";
        using var ingestA = await ReadyIngestionAsync(keyA);
        using var ingestB = await ReadyIngestionAsync(keyB);
        var sse = await OpenServerSentTailAsync(keyA, filter);
        var socket = await OpenWebSocketTailAsync(keyA, filter);
        var ofB = await OpenServerSentTailAsync(keyB, filter);

        await PostAsync(ingestB, ("error", $"payment {token} failed for b"));
        await PostAsync(ingestA, ("info", $"payment {token} retried"), ("error", $"payment {token} failed"));
        var posted = Stopwatch.GetTimestamp();

        foreach (var (tail, how) in new[] { (sse, "SSE"), (socket, "WebSocket") })
        {
            await Eventually.Until(() => !tail.Lines.IsEmpty, TimeSpan.FromSeconds(10), $"the {how} tail gets the matching line");
            var (first, arrived) = tail.Lines.First();
            first.GetProperty("message").GetString().ShouldBe($"payment {token} failed");
            first.GetProperty("level").GetString().ShouldBe("error");
            Stopwatch.GetElapsedTime(posted, arrived).ShouldBeLessThan(Freshness, $"{how}: from the post's response to the line");
        }

        // Once b's own tail has b's line and a closing line of a's has come through a's tails after it, anything
        // that was wrongly sent to a's tails would have arrived before that closing line.
        await Eventually.Until(() => !ofB.Lines.IsEmpty, TimeSpan.FromSeconds(10), "b's tail gets b's line");
        await PostAsync(ingestA, ("error", $"payment {token} closing"));
        foreach (var tail in new[] { sse, socket })
        {
            await Eventually.Until(() => tail.Lines.Count >= 2, TimeSpan.FromSeconds(10), "the closing line arrives");
            tail.Lines.Select(l => l.Line.GetProperty("message").GetString()).ShouldBe([$"payment {token} failed", $"payment {token} closing"]);
            tail.Notices.ShouldBeEmpty();
        }
        ofB.Lines.Select(l => l.Line.GetProperty("message").GetString()).ShouldBe([$"payment {token} failed for b"]);
    }

    [Fact]
    public async Task a_tail_refuses_pipe_stages_unknown_keys_and_more_tails_than_a_tenant_may_run()
    {
        var (_, key) = await stack.OnboardAsync();
        using (var anonymous = await GetTailAsync(null, ""))
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using (var piped = await GetTailAsync(key, "level=error | count by service"))
        {
            piped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await piped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldStartWith("a tail takes a filter only");
        }

        var tails = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            tails.Add(await GetTailAsync(key, ""));
            tails[^1].StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        open.AddRange(tails);
        using (var eleventh = await GetTailAsync(key, ""))
        {
            eleventh.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            eleventh.Headers.RetryAfter.ShouldNotBeNull();
        }

        tails[0].Dispose(); // the client goes away: its tail ends and frees its place
        await Eventually.Until(async () =>
        {
            var another = await GetTailAsync(key, "");
            open.Add(another);
            return another.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(10), "a closed tail's place is free again");
    }

    async Task<HttpClient> ReadyIngestionAsync(string key)
    {
        var ingestion = stack.Stack.Client("ingestion", key);
        var probe = "probe" + Guid.NewGuid().ToString("N")[..12];
        await Eventually.Until(async () =>
        {
            using var accepted = await ingestion.PostAsJsonAsync("/api/v1/logs", new[] { new { level = "info", service = "probe", message = probe } });
            return accepted.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(30), "ingestion accepts the new tenant's key");
        // Once the probe is searchable, Processing and the indexer have handled this tenant: what is left is the real path.
        await Eventually.Until(async () => (await stack.QueryAsync(key, probe)).GetProperty("count").GetInt32() > 0,
            TimeSpan.FromSeconds(30), "the probe line is indexed");
        return ingestion;
    }

    static async Task PostAsync(HttpClient ingestion, params (string Level, string Message)[] lines)
    {
        using var response = await ingestion.PostAsJsonAsync("/api/v1/logs", lines.Select(l => new { level = l.Level, service = "checkout", message = l.Message }));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    async Task<HttpResponseMessage> GetTailAsync(string? key, string filter)
    {
        var client = stack.Stack.Client("query", key);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var response = await client.GetAsync($"/api/v1/tail?query={Uri.EscapeDataString(filter)}", HttpCompletionOption.ResponseHeadersRead, end.Token);
        open.Add(client);
        return response;
    }

    async Task<Tail> OpenServerSentTailAsync(string key, string filter)
    {
        var response = await GetTailAsync(key, filter);
        open.Add(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        var tail = new Tail();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(end.Token));
        _ = Task.Run(async () =>
        {
            string? kind = null;
            while (await reader.ReadLineAsync(end.Token) is { } line)
            {
                if (line.StartsWith("event: ")) kind = line[7..];
                else if (line.StartsWith("data: ")) tail.Add(kind == "dropped" ? "dropped" : "line", line[6..]);
            }
        });
        return tail;
    }

    async Task<Tail> OpenWebSocketTailAsync(string key, string filter)
    {
        var socket = new ClientWebSocket();
        open.Add(socket);
        socket.Options.SetRequestHeader("Authorization", $"Bearer {key}");
        var url = new UriBuilder(stack.Stack.Url("query")) { Path = "/api/v1/tail", Query = $"query={Uri.EscapeDataString(filter)}" };
        url.Scheme = url.Scheme == "https" ? "wss" : "ws";
        await socket.ConnectAsync(url.Uri, end.Token);
        var tail = new Tail();
        _ = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            var message = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, end.Token);
                if (received.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                var json = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                tail.Add(json.Contains("\"type\":\"dropped\"") ? "dropped" : "line", json);
            }
        });
        return tail;
    }

    /// <summary>What a tail received, with the moment each line arrived.</summary>
    sealed class Tail
    {
        public ConcurrentQueue<(JsonElement Line, long ArrivedAt)> Lines { get; } = [];
        public ConcurrentQueue<JsonElement> Notices { get; } = [];

        public void Add(string kind, string json)
        {
            var arrived = Stopwatch.GetTimestamp();
            var element = JsonDocument.Parse(json).RootElement.Clone();
            if (kind == "dropped") Notices.Enqueue(element);
            else Lines.Enqueue((element, arrived));
        }
    }
}
