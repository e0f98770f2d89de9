using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TestInfrastructure;

namespace Ingestion.IntegrationTests;

[Collection(IngestionCollection.Name)]
public sealed class MeteringUsage(IngestionStack stack)
{
    [Fact]
    public async Task rolls_accepted_and_rejected_counts_up_into_the_tenants_daily_usage()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var body = """[{"level":"info","message":"one"},{"level":"info","message":"two"},{"level":"info"}]""";
        (await stack.Ingestion(key).PostAsync("/api/v1/logs", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var metrics = await stack.Ingestion().GetStringAsync("/metrics");
        metrics.ShouldContain($"ingest_events_total{{tenant=\"{tenantId}\"}} 2");

        JsonElement today = default;
        await Eventually.Until(async () =>
        {
            var usage = await stack.Stack.Client("tenancy", key).GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/usage");
            var days = usage.GetProperty("days").EnumerateArray().ToList();
            if (days.Count == 0) return false;
            today = days[0];
            return today.GetProperty("events").GetInt64() > 0;
        }, TimeSpan.FromSeconds(30), "Tenancy rolled up Ingestion's usage report");

        today.GetProperty("events").GetInt64().ShouldBe(2);
        today.GetProperty("rejected").GetInt64().ShouldBe(1);
        today.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
    }
}
