using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Config;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Provisioning;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.AlertRules;

[Collection(InfrastructureCollection.Name)]
public sealed class SeedingTheDefaultAlertRule(TenancyApp app)
{
    const string DefaultRule = "default-error-spike";

    async Task<AlertRuleConfig> SeededRuleAsync(HttpClient client, string tenantId)
    {
        AlertRuleConfig? seeded = null;
        await Eventually.Until(async () =>
        {
            var rules = await client.GetFromJsonAsync<List<AlertRuleConfig>>($"/api/v1/tenants/{tenantId}/alert-rules", TenancyApp.Json);
            seeded = rules!.SingleOrDefault(r => r.RuleId == DefaultRule);
            return seeded is not null;
        }, TimeSpan.FromSeconds(20), "the default alert rule was seeded");
        return seeded!;
    }

    [Fact]
    public async Task a_new_tenant_gets_the_error_rate_spike_rule_mailed_to_its_admin()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);

        var rule = await SeededRuleAsync(client, tenantId);

        rule.ShouldBe(new AlertRuleConfig(tenantId, DefaultRule, "Error rate spike", "level=error | count", "5m", new AlertThreshold(">", 100),
            "warning", rule.Channels, Enabled: true, Deleted: false, Version: 1));
        rule.Channels.ShouldBe([new AlertChannel("email", $"admin@{tenantId}.example")]);
    }

    [Fact]
    public async Task the_seeded_rule_is_recorded_as_the_work_of_provisioning()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        await SeededRuleAsync(client, tenantId);

        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit");

        var seeding = audit.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("stream").GetString() == $"{tenantId}:alertrule:{DefaultRule}");
        seeding.GetProperty("type").GetString().ShouldBe("alertrule.created.v1");
        seeding.GetProperty("actor").GetString().ShouldBe("system:provisioning");
    }

    [Fact]
    public async Task seeding_again_leaves_the_rule_as_the_tenant_left_it()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        await SeededRuleAsync(client, tenantId);
        (await client.DeleteAsync($"/api/v1/tenants/{tenantId}/alert-rules/{DefaultRule}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.Services.GetRequiredService<TenantSeeding>().SeedAsync(tenantId, CancellationToken.None);

        (await client.GetAsync($"/api/v1/tenants/{tenantId}/alert-rules/{DefaultRule}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
