using System.Net;
using System.Net.Http.Headers;
using System.Text;
using TestInfrastructure;

namespace Ingestion.IntegrationTests;

[Collection(IngestionCollection.Name)]
public sealed class AuthenticatingAgents(IngestionStack stack)
{
    static StringContent OneLine() => new("""[{"level":"info","message":"hello"}]""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task answers_401_without_a_key()
    {
        (await stack.Ingestion().PostAsync("/api/v1/logs", OneLine())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task accepts_the_key_as_bearer_x_api_key_seq_header_or_basic_auth_password()
    {
        var (_, key) = await stack.TenantAsync();

        async Task<HttpStatusCode> Send(Action<HttpRequestHeaders> authenticate)
        {
            var client = stack.Ingestion();
            authenticate(client.DefaultRequestHeaders);
            return (await client.PostAsync("/api/v1/logs", OneLine())).StatusCode;
        }

        (await Send(h => h.Authorization = new("Bearer", key))).ShouldBe(HttpStatusCode.Accepted);
        (await Send(h => h.Add("X-API-Key", key))).ShouldBe(HttpStatusCode.Accepted);
        (await Send(h => h.Add("X-Seq-ApiKey", key))).ShouldBe(HttpStatusCode.Accepted);
        (await Send(h => h.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"agent:{key}"))))).ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task answers_403_when_the_tenant_header_names_another_tenant()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var (otherTenant, _) = await stack.TenantAsync();
        var client = stack.Ingestion(key);

        client.DefaultRequestHeaders.Add("X-Scope-OrgID", otherTenant);
        (await client.PostAsync("/api/v1/logs", OneLine())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var own = stack.Ingestion(key);
        own.DefaultRequestHeaders.Add("X-Scope-OrgID", tenantId);
        (await own.PostAsync("/api/v1/logs", OneLine())).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task answers_403_for_a_key_without_the_ingest_scope()
    {
        var (tenantId, admin) = await stack.TenantAsync();
        var (_, queryOnly) = await stack.Stack.IssueKeyAsync(tenantId, admin, "viewer", "query");

        await Eventually.Until(async () => (await stack.Ingestion(queryOnly).PostAsync("/api/v1/logs", OneLine())).StatusCode == HttpStatusCode.Forbidden,
            TimeSpan.FromSeconds(5), "the query-only key is known and refused for intake");
    }

    [Fact]
    public async Task refuses_a_key_revoked_two_seconds_ago()
    {
        var (tenantId, admin) = await stack.TenantAsync();
        var (keyId, shipper) = await stack.Stack.IssueKeyAsync(tenantId, admin, "viewer", "ingest");
        await Eventually.Until(async () => (await stack.Ingestion(shipper).PostAsync("/api/v1/logs", OneLine())).StatusCode == HttpStatusCode.Accepted,
            TimeSpan.FromSeconds(5), "the new key works");

        (await stack.Stack.Client("tenancy", admin).DeleteAsync($"/api/v1/tenants/{tenantId}/keys/{keyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revokedAt = DateTime.UtcNow;
        await Eventually.Until(async () => (await stack.Ingestion(shipper).PostAsync("/api/v1/logs", OneLine())).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5), "the revoked key is refused");

        (DateTime.UtcNow - revokedAt).ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }
}
