using System.Net.Http.Json;
using System.Text.Json;

namespace Tenancy.IntegrationTests.Audit;

[Collection(InfrastructureCollection.Name)]
public sealed class ReadingTheAuditTrail(TenancyApp app)
{
    [Fact]
    public async Task lists_every_change_with_its_actor_in_order()
    {
        var (tenantId, admin) = await app.OnboardAsync();
        var client = app.ClientWithKey(admin);
        await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { retentionDays = 60 });
        await app.Operator().PostAsJsonAsync($"/api/v1/tenants/{tenantId}/suspend", new { reason = "audit test" });

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit");
        var entries = page.GetProperty("items").EnumerateArray().ToList();
        var types = entries.Select(e => e.GetProperty("type").GetString()).ToList();

        types.ShouldContain("tenant.onboarded.v1");
        types.ShouldContain("apikey.issued.v1");
        types.ShouldContain("tenant.settings-changed.v1");
        types.ShouldContain("tenant.suspended.v1");
        entries.Select(e => e.GetProperty("position").GetInt64()).ShouldBeInOrder();
        entries.Single(e => e.GetProperty("type").GetString() == "tenant.onboarded.v1").GetProperty("actor").GetString().ShouldBe("self-service");
        entries.Single(e => e.GetProperty("type").GetString() == "tenant.settings-changed.v1").GetProperty("actor").GetString().ShouldStartWith("key:");
        entries.Single(e => e.GetProperty("type").GetString() == "tenant.suspended.v1").GetProperty("actor").GetString().ShouldBe("operator");
        page.GetRawText().ShouldNotContain("\"hash\"");
    }

    [Fact]
    public async Task pages_with_a_cursor()
    {
        var (tenantId, admin) = await app.OnboardAsync();
        var client = app.ClientWithKey(admin);
        for (var days = 2; days <= 5; days++) await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { retentionDays = days });

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit?limit=3");
        var next = first.GetProperty("nextAfter").GetInt64();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit?limit=3&after={next}");

        first.GetProperty("items").GetArrayLength().ShouldBe(3);
        second.GetProperty("items").EnumerateArray().First().GetProperty("position").GetInt64().ShouldBeGreaterThan(next);
    }
}
