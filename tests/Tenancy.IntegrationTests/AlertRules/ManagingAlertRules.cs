using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Config;
using Tenancy.IntegrationTests.Pipelines;

namespace Tenancy.IntegrationTests.AlertRules;

[Collection(InfrastructureCollection.Name)]
public sealed class ManagingAlertRules(TenancyApp app)
{
    static object Rule(string name = "Slow checkout", bool? enabled = null, string severity = "critical") => new
    {
        name,
        query = "service=checkout AND duration_ms > 2000 | count",
        window = "15m",
        threshold = new { comparison = ">=", value = 25 },
        severity,
        channels = new[] { new { type = "slack-webhook", target = "https://hooks.slack.example/T1/B2" } },
        enabled,
    };

    static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await client.SendAsync(request);
    }

    async Task<(string TenantId, HttpClient Client, string RulePath)> TenantWithARuleAsync(bool? enabled = null)
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        using var created = await client.PostAsJsonAsync($"/api/v1/tenants/{tenantId}/alert-rules", Rule(enabled: enabled));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (tenantId, client, created.Headers.Location!.ToString());
    }

    static async Task<List<string>> RuleIdsAsync(HttpClient client, string tenantId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/alert-rules")).EnumerateArray()
            .Select(r => r.GetProperty("ruleId").GetString()!)];

    [Fact]
    public async Task a_created_rule_gets_an_id_a_location_and_an_etag_and_is_listed()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);

        using var created = await client.PostAsJsonAsync($"/api/v1/tenants/{tenantId}/alert-rules", Rule());

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var rule = await created.Content.ReadFromJsonAsync<AlertRuleConfig>(TenancyApp.Json);
        rule!.RuleId.ShouldMatch("^[0-9a-f]{12}$");
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/tenants/{tenantId}/alert-rules/{rule.RuleId}");
        rule.ShouldBe(rule with
        {
            TenantId = tenantId, Name = "Slow checkout", Window = "15m", Threshold = new AlertThreshold(">=", 25), Severity = "critical",
            Enabled = true, Deleted = false, Version = 1,
        });

        using var read = await client.GetAsync(created.Headers.Location);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (await read.Content.ReadFromJsonAsync<AlertRuleConfig>(TenancyApp.Json))!.Channels
            .ShouldBe([new AlertChannel("slack-webhook", "https://hooks.slack.example/T1/B2")]);
        (await RuleIdsAsync(client, tenantId)).ShouldContain(rule.RuleId);
    }

    [Fact]
    public async Task a_rule_is_changed_under_if_match_and_a_stale_etag_gets_412()
    {
        var (_, client, path) = await TenantWithARuleAsync();

        using var changed = await Send(client, HttpMethod.Put, path, Rule(name: "Very slow checkout", enabled: false), ifMatch: "\"1\"");
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag!.Tag.ShouldBe("\"3\"", "a new definition and a switch-off are two facts");
        var rule = await changed.Content.ReadFromJsonAsync<AlertRuleConfig>(TenancyApp.Json);
        rule!.Name.ShouldBe("Very slow checkout");
        rule.Enabled.ShouldBeFalse();

        using var stale = await Send(client, HttpMethod.Put, path, Rule(name: "Lost update"), ifMatch: "\"1\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await client.GetFromJsonAsync<AlertRuleConfig>(path, TenancyApp.Json))!.Name.ShouldBe("Very slow checkout");
    }

    [Fact]
    public async Task a_put_without_enabled_leaves_the_rule_switched_as_it_was_and_an_unchanged_put_records_nothing()
    {
        var (_, client, path) = await TenantWithARuleAsync(enabled: false);

        using var same = await Send(client, HttpMethod.Put, path, Rule());

        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        same.Headers.ETag!.Tag.ShouldBe("\"1\"");
        (await same.Content.ReadFromJsonAsync<AlertRuleConfig>(TenancyApp.Json))!.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task a_deleted_rule_disappears_and_is_published_as_deleted()
    {
        var (tenantId, client, path) = await TenantWithARuleAsync();
        var ruleId = path[(path.LastIndexOf('/') + 1)..];

        using var deleted = await client.DeleteAsync(path);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await RuleIdsAsync(client, tenantId)).ShouldNotContain(ruleId);
        (await client.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Send(client, HttpMethod.Put, path, Rule())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var published = (await app.InOutboxAsync<AlertRuleConfig>(tenantId, ConfigMessageTypes.AlertRuleChanged)).Where(r => r.RuleId == ruleId).ToList();
        published.Select(r => (r.Version, r.Deleted)).ShouldBe([(1, false), (2, true)]);
        var snapshot = await app.Operator().GetFromJsonAsync<ConfigSnapshot>("/api/v1/config/snapshot", TenancyApp.Json);
        var served = snapshot!.AlertRules.Single(r => r.TenantId == tenantId && r.RuleId == ruleId);
        served.ShouldBe(published[^1] with { Channels = served.Channels }, "the snapshot keeps the tombstone, as published");
        served.Channels.ShouldBe(published[^1].Channels);
    }

    [Fact]
    public async Task an_invalid_rule_gets_400_naming_each_bad_field()
    {
        var (tenantId, key) = await app.OnboardAsync();

        using var response = await app.ClientWithKey(key).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/alert-rules", new
        {
            name = "",
            query = "level=error | count",
            window = "30s",
            threshold = new { comparison = "~", value = 1 },
            severity = "page",
            channels = new[] { new { type = "webhook", target = "not a url" }, new { type = "email", target = "nobody" } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name)
            .ShouldBe(new[] {"channels[0].target", "channels[1].target", "name", "severity", "threshold.comparison", "window" }, ignoreOrder: true, customMessage: errors.ToString());
    }

    [Fact]
    public async Task a_key_of_another_tenant_is_forbidden_every_alert_rule_call()
    {
        var (tenantB, _, path) = await TenantWithARuleAsync();
        var (_, keyA) = await app.OnboardAsync("a");
        var other = app.ClientWithKey(keyA);

        (await other.GetAsync($"/api/v1/tenants/{tenantB}/alert-rules")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostAsJsonAsync($"/api/v1/tenants/{tenantB}/alert-rules", Rule())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(other, HttpMethod.Put, path, Rule())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_rule_id_is_only_found_within_its_own_tenant()
    {
        var (_, _, path) = await TenantWithARuleAsync();
        var (otherTenant, _) = await app.OnboardAsync("other");
        var ruleId = path[(path.LastIndexOf('/') + 1)..];

        (await app.Operator().GetAsync($"/api/v1/tenants/{otherTenant}/alert-rules/{ruleId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_viewer_reads_rules_but_cannot_create_change_or_delete_them()
    {
        var (tenantId, key) = await app.OnboardAsync();
        using var created = await app.ClientWithKey(key).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/alert-rules", Rule());
        var path = created.Headers.Location!.ToString();
        var viewer = app.ClientWithKey(await app.IssueKeyAsync(tenantId, key, "viewer"));

        (await viewer.GetAsync($"/api/v1/tenants/{tenantId}/alert-rules")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await viewer.PostAsJsonAsync($"/api/v1/tenants/{tenantId}/alert-rules", Rule())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(viewer, HttpMethod.Put, path, Rule(name: "Renamed"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await viewer.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
