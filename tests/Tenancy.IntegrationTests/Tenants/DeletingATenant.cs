using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.BlobStorage;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.Tenants;

[Collection(InfrastructureCollection.Name)]
public sealed class DeletingATenant(TenancyApp app)
{
    [Fact]
    public async Task revokes_its_keys_removes_its_container_and_records_the_deletion()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var blobs = new BlobStorageClient(BlobConnection.Parse(app.Infrastructure.BlobConnectionString));
        await Eventually.Until(async () => (await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}"))
            .GetProperty("provisioning").GetString() == "provisioned", TimeSpan.FromSeconds(20), "the tenant was provisioned");
        await blobs.PutBlobAsync($"tenant-{tenantId}", "logs/sample.parquet", new byte[] { 1, 2, 3 });

        using var deletion = await app.ClientWithKey(key).DeleteAsync($"/api/v1/tenants/{tenantId}");

        deletion.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.Until(async () => (await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}"))
            .GetProperty("status").GetString() == "deleted", TimeSpan.FromSeconds(20), "the saga completed the deletion");
        (await app.ClientWithKey(key).GetAsync($"/api/v1/tenants/{tenantId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await blobs.GetBlobAsync($"tenant-{tenantId}", "logs/sample.parquet")).ShouldBeNull();
        var audit = await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit?limit=500");
        var types = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        types.ShouldContain("tenant.deletion-requested.v1");
        types.ShouldContain("apikey.revoked.v1");
        types.ShouldContain("tenant.deleted.v1");
    }
}
