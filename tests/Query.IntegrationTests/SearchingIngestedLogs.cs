using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Logs;
using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class SearchingIngestedLogs(QueryStack stack)
{
    [Fact]
    public async Task finds_a_line_posted_to_ingestion_within_five_seconds()
    {
        var (_, key) = await stack.OnboardAsync();
        var token = "needle" + Guid.NewGuid().ToString("N")[..12];
        using var ingestion = stack.Stack.Client("ingestion", key);
        await Eventually.Until(async () =>
        {
            using var accepted = await ingestion.PostAsJsonAsync("/api/v1/logs", new[] { new { level = "error", service = "checkout", message = "probe" } });
            return accepted.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(30), "ingestion accepts the new tenant's key");

        var posted = Stopwatch.StartNew();
        using (var response = await ingestion.PostAsJsonAsync("/api/v1/logs",
                   new[] { new { level = "error", service = "checkout", message = $"payment {token} timed out", metadata = new { user_id = "u-42" } } }))
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);

        JsonElement found = default;
        await Eventually.Until(async () =>
        {
            var body = await stack.QueryAsync(key, token);
            if (body.GetProperty("count").GetInt32() == 0) return false;
            found = body.GetProperty("results")[0];
            return true;
        }, TimeSpan.FromSeconds(5), "the posted line is searchable");
        posted.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        found.GetProperty("message").GetString().ShouldBe($"payment {token} timed out");
        found.GetProperty("level").GetString().ShouldBe("error");
        found.GetProperty("service").GetString().ShouldBe("checkout");
        found.GetProperty("attributes").GetProperty("user_id").GetString().ShouldBe("u-42");
        (await stack.QueryAsync(key, $"level=ERROR service=checkout user_id=u-42 {token}")).GetProperty("count").GetInt32().ShouldBe(1);
        (await stack.QueryAsync(key, $"level=info {token}")).GetProperty("count").GetInt32().ShouldBe(0);
        (await stack.QueryAsync(key, $"user_id=u-43 {token}")).GetProperty("count").GetInt32().ShouldBe(0);

        using var client = stack.Stack.Client("query", key);
        var viaGet = await client.GetFromJsonAsync<JsonElement>($"/api/v1/logs/search?service=checkout&level=error&q={token}");
        viaGet.GetProperty("count").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task matches_whole_words_and_phrases_case_insensitively_in_the_head_and_in_segments()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var now = QueryStack.NowNanos();
        var tag = Guid.NewGuid().ToString("N")[..8];
        await stack.PublishProcessedAsync(tenant,
        [
            QueryStack.Record(tenant, $"{tag} Connection refused by upstream", now - 3_000),
            QueryStack.Record(tenant, $"{tag} connection-refused again", now - 2_000),
            QueryStack.Record(tenant, $"{tag} reconnection refusedly", now - 1_000),
        ]);
        async Task<int> Count(string query) => (await stack.QueryAsync(key, query)).GetProperty("count").GetInt32();

        await Eventually.Until(async () => await Count(tag) == 3, TimeSpan.FromSeconds(5), "the records are indexed");
        for (var pass = 0; pass < 2; pass++)
        {
            (await Count($"{tag} connection")).ShouldBe(2);
            (await Count($"{tag} \"connection refused\"")).ShouldBe(1);
            (await Count($"{tag} CONNECTION refused")).ShouldBe(2);
            (await Count($"{tag} \"connection-refused\"")).ShouldBe(1);
            (await Count($"{tag} refus")).ShouldBe(0);
            await Task.Delay(2500); // the second pass reads the same lines from their segment, not the head
        }
    }

    [Fact]
    public async Task refuses_bad_requests_with_a_clear_problem()
    {
        var (tenant, key) = await stack.OnboardAsync();
        using (var response = await stack.QueryResponseAsync(key, "level=error \"unclosed"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("detail").GetString()!.ShouldContain("column 13");
            problem.GetProperty("position").GetInt32().ShouldBe(12);
        }
        using (var response = await stack.QueryResponseAsync(key, "x", cursor: "not-a-cursor"))
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var response = await stack.QueryResponseAsync(key, "x", limit: 5000))
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var response = await stack.QueryResponseAsync(key, "x", from: DateTimeOffset.UtcNow, to: DateTimeOffset.UtcNow.AddHours(-1)))
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using (var response = await stack.QueryResponseAsync("no-such-key", "x"))
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var (_, ingestOnly) = await stack.Stack.IssueKeyAsync(tenant, key, "operator", "ingest");
        await Eventually.Until(async () =>
        {
            using var response = await stack.QueryResponseAsync(ingestOnly, "x");
            return response.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(10), "a key without the query scope is refused");
    }
}
