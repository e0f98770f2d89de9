using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tenancy.IntegrationTests.Access;

[Collection(InfrastructureCollection.Name)]
public sealed class AuthorisingCalls(TenancyApp app)
{
    [Fact]
    public async Task answers_401_without_a_key_and_with_an_unknown_key()
    {
        var (tenantId, _) = await app.OnboardAsync();

        (await app.ClientWithKey(null).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ClientWithKey("plk_0000000000000000_nope").GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task answers_403_when_a_key_of_tenant_a_reaches_for_tenant_b()
    {
        var (_, keyOfA) = await app.OnboardAsync("a");
        var (tenantB, _) = await app.OnboardAsync("b");
        var client = app.ClientWithKey(keyOfA);

        (await client.GetAsync($"/api/v1/tenants/{tenantB}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/tenants/{tenantB}/keys")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PatchAsJsonAsync($"/api/v1/tenants/{tenantB}", new { displayName = "mine now" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/tenants/{tenantB}/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task lets_a_viewer_read_but_not_configure_and_an_operator_configure_but_not_manage_keys()
    {
        var (tenantId, admin) = await app.OnboardAsync();
        var viewer = await IssueAsync(tenantId, admin, "viewer");
        var operatorKey = await IssueAsync(tenantId, admin, "operator");

        (await app.ClientWithKey(viewer).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ClientWithKey(viewer).PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { displayName = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientWithKey(operatorKey).PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { displayName = "x" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ClientWithKey(operatorKey).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/keys",
            new { name = "more", role = "admin", scopes = new[] { "admin" } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.ClientWithKey(operatorKey).DeleteAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task refuses_a_revoked_key_and_the_old_secret_of_a_rotated_key()
    {
        var (tenantId, admin) = await app.OnboardAsync();
        var (revokedId, revoked) = await IssueWithIdAsync(tenantId, admin, "viewer");
        var (rotatedId, rotated) = await IssueWithIdAsync(tenantId, admin, "viewer");
        var client = app.ClientWithKey(admin);

        (await client.DeleteAsync($"/api/v1/tenants/{tenantId}/keys/{revokedId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var rotation = await (await client.PostAsync($"/api/v1/tenants/{tenantId}/keys/{rotatedId}/rotate", null)).Content.ReadFromJsonAsync<JsonElement>();

        (await app.ClientWithKey(revoked).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ClientWithKey(rotated).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ClientWithKey(rotation.GetProperty("secret").GetString()).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task lists_keys_without_their_hashes()
    {
        var (tenantId, admin) = await app.OnboardAsync();

        var text = await app.ClientWithKey(admin).GetStringAsync($"/api/v1/tenants/{tenantId}/keys");

        text.ShouldContain("\"role\":\"admin\"");
        text.ShouldNotContain("hash", Case.Insensitive);
        text.ShouldNotContain("salt", Case.Insensitive);
    }

    [Fact]
    public async Task lets_only_the_operator_list_every_tenant()
    {
        var (_, admin) = await app.OnboardAsync();

        (await app.ClientWithKey(admin).GetAsync("/api/v1/tenants")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Operator().GetAsync("/api/v1/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.ClientWithKey(admin).GetAsync("/api/v1/config/snapshot")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Operator().GetAsync("/api/v1/config/snapshot")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    async Task<string> IssueAsync(string tenantId, string adminKey, string role) => (await IssueWithIdAsync(tenantId, adminKey, role)).Secret;

    async Task<(string Id, string Secret)> IssueWithIdAsync(string tenantId, string adminKey, string role)
    {
        using var response = await app.ClientWithKey(adminKey).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/keys",
            new { name = role + " key", role, scopes = new[] { "admin", "query" } });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetProperty("keyId").GetString()!, body.GetProperty("secret").GetString()!);
    }
}
