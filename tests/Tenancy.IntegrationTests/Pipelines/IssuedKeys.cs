using System.Net.Http.Json;
using System.Text.Json;

namespace Tenancy.IntegrationTests.Pipelines;

/// <summary>Keys with less than the admin role, issued through the API as a tenant would issue them.</summary>
static class IssuedKeys
{
    public static async Task<string> IssueKeyAsync(this TenancyApp app, string tenantId, string adminKey, string role)
    {
        using var response = await app.ClientWithKey(adminKey).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/keys",
            new { name = role + " key", role, scopes = new[] { "admin" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
    }
}
