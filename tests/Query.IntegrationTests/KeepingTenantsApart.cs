using System.Text.Json;
using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class KeepingTenantsApart(QueryStack stack)
{
    [Fact]
    public async Task a_key_never_sees_another_tenants_lines_through_filters_text_or_cursors()
    {
        var (a, keyA) = await stack.OnboardAsync();
        var (b, keyB) = await stack.OnboardAsync();
        var shared = "shared" + Guid.NewGuid().ToString("N")[..8];
        var now = QueryStack.NowNanos();
        await stack.PublishProcessedAsync(a, [.. Enumerable.Range(0, 30).Select(i =>
            QueryStack.Record(a, $"{shared} secret of a #{i}", now - i * 1_000_000, service: "billing", attributes: new Dictionary<string, string> { ["owner"] = "a" }))]);
        await stack.PublishProcessedAsync(b, [.. Enumerable.Range(0, 5).Select(i =>
            QueryStack.Record(b, $"{shared} line of b #{i}", now - i * 1_000_000, service: "billing", attributes: new Dictionary<string, string> { ["owner"] = "b" }))]);
        await Eventually.Until(async () => (await stack.QueryAsync(keyA, shared)).GetProperty("count").GetInt32() == 30,
            TimeSpan.FromSeconds(10), "a's lines are indexed");

        foreach (var query in new[] { shared, "service=billing", "owner=a", "secret", $"\"{shared} secret\"", "" })
        {
            var seenByB = await stack.QueryAllAsync(keyB, query, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
            seenByB.ShouldAllBe(r => r.GetProperty("attributes").GetProperty("owner").GetString() == "b", $"query '{query}'");
        }

        // A cursor is only a position: presented with b's key it pages through b's lines, never a's.
        var pageOfA = await stack.QueryAsync(keyA, shared, limit: 10);
        var cursor = pageOfA.GetProperty("nextCursor").GetString();
        cursor.ShouldNotBeNull();
        var pageForB = await stack.QueryAsync(keyB, "", limit: 100, cursor: cursor);
        pageForB.GetProperty("results").EnumerateArray().ShouldAllBe(r => r.GetProperty("message").GetString()!.Contains("line of b"));

        // The tenant cannot be chosen by the caller: a header naming another tenant is refused.
        using var client = stack.Stack.Client("query", keyB);
        client.DefaultRequestHeaders.Add("X-Scope-OrgID", a);
        using var response = await client.GetAsync($"/api/v1/logs/search?q={shared}");
        ((int)response.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task pages_newest_first_and_stay_stable_while_new_lines_arrive()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var now = QueryStack.NowNanos();
        // 250 lines, several with the same timestamp, so the row id must break ties for the cursor.
        await stack.PublishProcessedAsync(tenant, [.. Enumerable.Range(0, 250).Select(i => QueryStack.Record(tenant, $"line {i}", now - (i / 3) * 1_000_000))]);
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        await Eventually.Until(async () => (await stack.QueryAllAsync(key, "", from, DateTimeOffset.UtcNow.AddMinutes(1))).Count == 250,
            TimeSpan.FromSeconds(10), "all lines are indexed");
        var to = DateTimeOffset.UtcNow.AddMinutes(5);

        var seen = new List<JsonElement>();
        string? cursor = null;
        var page = 0;
        do
        {
            var body = await stack.QueryAsync(key, "", from, to, limit: 100, cursor: cursor);
            seen.AddRange(body.GetProperty("results").EnumerateArray());
            cursor = body.GetProperty("nextCursor").GetString();
            if (page++ == 0) // newer lines arriving between pages must not shift the next pages
                await stack.PublishProcessedAsync(tenant, [.. Enumerable.Range(0, 50).Select(i => QueryStack.Record(tenant, $"late {i}", QueryStack.NowNanos()))]);
        } while (cursor is not null);

        seen.Select(r => r.GetProperty("message").GetString()).ShouldBe(Enumerable.Range(0, 250).Select(i => $"line {i}"), ignoreOrder: true);
        seen.Count.ShouldBe(250);
        var times = seen.Select(r => r.GetProperty("timestamp").GetString()!).ToList();
        times.ShouldBe(times.OrderByDescending(t => t, StringComparer.Ordinal).ToList());
    }
}
