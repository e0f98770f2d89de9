using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Config;
using Tenancy.IntegrationTests.Pipelines;

namespace Tenancy.IntegrationTests.Tenants;

/// <summary>A tenant's own hot window: set at onboarding, changed by PATCH, shown by GET and published on platform.config.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SettingAHotWindow(TenancyApp app)
{
    [Fact]
    public async Task is_set_at_onboarding_changed_by_patch_and_published_to_the_other_services()
    {
        var tenantId = "hot-" + Guid.NewGuid().ToString("N")[..8];
        using var onboarded = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Hot", adminEmail = "ops@hot.example", retentionDays = 2, hotWindowMinutes = 2000 });
        onboarded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await onboarded.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tenant").GetProperty("hotWindowMinutes").GetInt32().ShouldBe(2000);
        var client = app.ClientWithKey(body.GetProperty("adminKey").GetProperty("secret").GetString());

        using var changed = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { hotWindowMinutes = 30 });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hotWindowMinutes").GetInt32().ShouldBe(30);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}")).GetProperty("hotWindowMinutes").GetInt32().ShouldBe(30);
        var published = await app.InOutboxAsync<TenantConfig>(tenantId, ConfigMessageTypes.TenantChanged);
        published.Single(m => m.Version == 1).HotWindowMinutes.ShouldBe(2000);
        published.Single(m => m.Version == VersionOf(changed)).HotWindowMinutes.ShouldBe(30);
        var snapshot = await app.Operator().GetFromJsonAsync<ConfigSnapshot>("/api/v1/config/snapshot", TenancyApp.Json);
        snapshot!.Tenants.Single(t => t.TenantId == tenantId).HotWindowMinutes.ShouldBe(30);
    }

    [Fact]
    public async Task zero_goes_back_to_the_platform_default()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        (await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { hotWindowMinutes = 90 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reset = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { hotWindowMinutes = 0 });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tenant = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}");
        tenant.GetProperty("hotWindowMinutes").ValueKind.ShouldBe(JsonValueKind.Null);
        var published = await app.InOutboxAsync<TenantConfig>(tenantId, ConfigMessageTypes.TenantChanged);
        published.Single(m => m.Version == VersionOf(reset)).HotWindowMinutes.ShouldBeNull();
    }

    [Fact]
    public async Task onboarding_refuses_a_hot_window_longer_than_the_retention()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId = "hot-" + Guid.NewGuid().ToString("N")[..8], displayName = "Hot", adminEmail = "ops@hot.example", retentionDays = 1,
                hotWindowMinutes = 1441 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await response.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["hotWindowMinutes"]);
    }

    [Fact]
    public async Task a_patch_is_checked_against_the_retention_the_tenant_already_has()
    {
        var tenantId = "hot-" + Guid.NewGuid().ToString("N")[..8];
        using var onboarded = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Hot", adminEmail = "ops@hot.example", retentionDays = 2, hotWindowMinutes = 2000 });
        var client = app.ClientWithKey((await onboarded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adminKey").GetProperty("secret").GetString());

        using var tooLong = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { hotWindowMinutes = 2 * 1440 + 1 });
        using var tooShort = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { retentionDays = 1 });
        using var both = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { retentionDays = 1, hotWindowMinutes = 1440 });

        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await tooLong.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["hotWindowMinutes"]);
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        ErrorFields(await tooShort.Content.ReadFromJsonAsync<JsonElement>()).ShouldBe(["retentionDays"]);
        both.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tenant = await both.Content.ReadFromJsonAsync<JsonElement>();
        tenant.GetProperty("retentionDays").GetInt32().ShouldBe(1);
        tenant.GetProperty("hotWindowMinutes").GetInt32().ShouldBe(1440);
    }

    static int VersionOf(HttpResponseMessage response) => int.Parse(response.Headers.ETag!.Tag.Trim('"'));

    static string[] ErrorFields(JsonElement problem) => [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
}
