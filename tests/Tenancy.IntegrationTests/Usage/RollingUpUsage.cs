using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Usage;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.Usage;

[Collection(InfrastructureCollection.Name)]
public sealed class RollingUpUsage(TenancyApp app)
{
    [Fact]
    public async Task adds_usage_reports_to_the_daily_rollup_once_per_message()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var producer = new MessageProducer(app.Infrastructure.KafkaBootstrapServers, "usage-test");
        var first = Report(new UsageReported(tenantId, today, Events: 100, Bytes: 5000, Rejected: 2, RateLimited: 1));
        await producer.PublishAsync(Topics.Usage, first);
        await producer.PublishAsync(Topics.Usage, first); // a redelivery
        await producer.PublishAsync(Topics.Usage, Report(new UsageReported(tenantId, today, Events: 50, Bytes: 2500, Rejected: 0, RateLimited: 0)));

        JsonElement day = default;
        await Eventually.Until(async () =>
        {
            var usage = await app.ClientWithKey(key).GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/usage");
            var days = usage.GetProperty("days").EnumerateArray().ToList();
            day = days.FirstOrDefault();
            return days.Count == 1 && day.GetProperty("events").GetInt64() >= 150;
        }, TimeSpan.FromSeconds(30), "both reports were rolled up");

        day.GetProperty("events").GetInt64().ShouldBe(150);
        day.GetProperty("bytes").GetInt64().ShouldBe(7500);
        day.GetProperty("rejected").GetInt64().ShouldBe(2);
        day.GetProperty("rateLimited").GetInt64().ShouldBe(1);
    }

    static Envelope Report(UsageReported report) =>
        Envelope.Create(UsageReported.Type, report.TenantId, JsonSerializer.SerializeToUtf8Bytes(report, JsonSerializerOptions.Web));
}
