using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tenancy.IntegrationTests.Tenants;

[Collection(InfrastructureCollection.Name)]
public sealed class ChangingATenant(TenancyApp app)
{
    [Fact]
    public async Task lets_exactly_one_of_two_concurrent_patches_with_the_same_etag_win()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        var etag = (await client.GetAsync($"/api/v1/tenants/{tenantId}")).Headers.ETag!.Tag;

        Task<HttpResponseMessage> Patch(int days)
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/tenants/{tenantId}") { Content = JsonContent.Create(new { retentionDays = days }) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            return app.ClientWithKey(key).SendAsync(request);
        }

        var results = await Task.WhenAll(Patch(10), Patch(20));

        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        results.Count(r => r.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict).ShouldBe(1);
        results.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed,
            "the loser sent If-Match, so it is told its ETag is stale");
    }

    [Fact]
    public async Task applies_a_patch_and_returns_the_new_etag()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);

        using var response = await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantId}",
            new { displayName = "Renamed", retentionDays = 90, minimumLevel = "info", plan = "standard" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldNotBe("\"1\"");
        var tenant = await response.Content.ReadFromJsonAsync<JsonElement>();
        tenant.GetProperty("displayName").GetString().ShouldBe("Renamed");
        tenant.GetProperty("retentionDays").GetInt32().ShouldBe(90);
        tenant.GetProperty("minimumLevel").GetString().ShouldBe("info");
        tenant.GetProperty("plan").GetString().ShouldBe("standard");
    }

    [Fact]
    public async Task refuses_retention_outside_one_to_3650_days()
    {
        var (tenantId, key) = await app.OnboardAsync();

        using var response = await app.ClientWithKey(key).PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { retentionDays = 3651 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("retentionDays", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task suspends_and_reactivates_only_through_the_operator()
    {
        var (tenantId, key) = await app.OnboardAsync();

        (await app.ClientWithKey(key).PostAsync($"/api/v1/tenants/{tenantId}/suspend", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Operator().PostAsJsonAsync($"/api/v1/tenants/{tenantId}/suspend", new { reason = "unpaid" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Operator().PostAsJsonAsync($"/api/v1/tenants/{tenantId}/suspend", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.Operator().PostAsync($"/api/v1/tenants/{tenantId}/reactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
