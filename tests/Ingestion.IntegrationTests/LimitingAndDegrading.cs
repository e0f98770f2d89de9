using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ingestion.IntegrationTests;

[Collection(IngestionCollection.Name)]
public sealed class LimitingAndDegrading(IngestionStack stack)
{
    static StringContent Lines(int count, string prefix) => new(
        "[" + string.Join(',', Enumerable.Range(0, count).Select(i => $$"""{"level":"info","message":"{{prefix}} {{i}}"}""")) + "]",
        Encoding.UTF8, "application/json");

    [Fact]
    public async Task admits_what_fits_the_plan_and_refuses_the_rest_with_429_and_retry_after()
    {
        // The free plan allows 1,000 lines/s with a 5 s burst: 5,000 lines at once, then about 1,000 a second.
        var (tenantId, key) = await stack.TenantAsync(plan: "free");
        var client = stack.Ingestion(key);

        using var burst = await client.PostAsync("/api/v1/logs", Lines(5_000, "a"));
        using var partial = await client.PostAsync("/api/v1/logs", Lines(3_000, "b"));
        var loki = JsonSerializer.Serialize(new
        {
            streams = new[] { new { stream = new { app = "x" }, values = Enumerable.Range(0, 4_000).Select(i => new[] { (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000).ToString(), $"c {i}" }) } },
        });
        using var allOrNothing = await client.PostAsync("/loki/api/v1/push", new StringContent(loki, Encoding.UTF8, "application/json"));

        burst.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await burst.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestedCount").GetInt32().ShouldBe(5_000);
        var partialCount = 0;
        if (partial.StatusCode == HttpStatusCode.Accepted)
        {
            var answer = await partial.Content.ReadFromJsonAsync<JsonElement>();
            answer.GetProperty("rateLimitedCount").GetInt32().ShouldBeGreaterThan(0, "3,000 more lines cannot all fit right after the burst");
            partialCount = answer.GetProperty("ingestedCount").GetInt32();
        }
        else
        {
            partial.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }
        partial.Headers.RetryAfter.ShouldNotBeNull();
        allOrNothing.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        allOrNothing.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        allOrNothing.Headers.GetValues("X-RateLimit-Limit").ShouldBe(["1000"]);
        allOrNothing.Headers.GetValues("X-RateLimit-Remaining").ShouldHaveSingleItem();
        allOrNothing.Headers.GetValues("X-RateLimit-Reset").ShouldHaveSingleItem();

        var accepted = 5_000 + partialCount;
        stack.ReadLogsRaw(tenantId, atLeast: accepted).Count.ShouldBe(accepted, "exactly what was reported as accepted is on logs.raw");
    }

    [Fact]
    public async Task answers_503_with_retry_after_while_the_broker_is_down_and_reports_nothing_as_accepted()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var client = stack.Ingestion(key);
        HttpResponseMessage response;
        stack.SetBrokerDown(true);
        try
        {
            response = await client.PostAsync("/api/v1/logs", Lines(10, "lost"));
        }
        finally
        {
            stack.SetBrokerDown(false);
        }

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        // The producer reconnects with backoff; the client retries as Retry-After says.
        var retries = 0;
        await TestInfrastructure.Eventually.Until(async () =>
        {
            retries++;
            return (await client.PostAsync("/api/v1/logs", Lines(3, $"after-{retries}"))).StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(60), "the broker is back");
        var messages = stack.ReadLogsRaw(tenantId, atLeast: 3).Select(r => r.Record.Message).ToList();
        messages.ShouldAllBe(m => m.StartsWith($"after-{retries} "), "nothing refused with 503 reached logs.raw");
        messages.Count.ShouldBe(3);
    }
}
