using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using BuildingBlocks.TenantConfig;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.ConfigCache;

[Collection(InfrastructureCollection.Name)]
public sealed class FollowingTenancyConfiguration(TenancyApp app)
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task a_cache_started_after_onboarding_knows_the_tenant_and_accepts_its_admin_key()
    {
        var (tenantId, adminKey) = await app.OnboardAsync();

        await using var running = await RunningConfigCache.StartAsync(app);

        running.Cache.Tenant(tenantId).ShouldNotBeNull().Status.ShouldBe("active");
        var lookup = running.Cache.AuthenticateKey(adminKey);
        lookup.Status.ShouldBe(KeyStatus.Valid);
        lookup.TenantId.ShouldBe(tenantId);
        lookup.Role.ShouldBe(ApiKeyRole.Admin);
        lookup.HasScope(ApiKeyScopes.Ingest).ShouldBeTrue();
    }

    [Fact]
    public async Task refuses_a_revoked_key_within_two_seconds_of_the_revocation()
    {
        var (tenantId, adminKey) = await app.OnboardAsync();
        await using var running = await RunningConfigCache.StartAsync(app);
        running.Cache.AuthenticateKey(adminKey).IsValid.ShouldBeTrue();

        var sinceRevocation = Stopwatch.StartNew();
        using var revoke = await app.ClientWithKey(adminKey).DeleteAsync($"/api/v1/tenants/{tenantId}/keys/{ApiKeySecret.KeyIdOf(adminKey)}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await Eventually.Until(() => running.Cache.AuthenticateKey(adminKey).Status == KeyStatus.Revoked, Deadline, "the cache refused the revoked key");
        sinceRevocation.Stop();

        sinceRevocation.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task learns_of_a_tenant_onboarded_after_it_started()
    {
        await using var running = await RunningConfigCache.StartAsync(app);

        var (tenantId, adminKey) = await app.OnboardAsync();

        // The tenant and its key are two messages; either may be applied first.
        await Eventually.Until(() => running.Cache.Tenant(tenantId) is not null && running.Cache.AuthenticateKey(adminKey).IsValid, Deadline,
            "the cache learned of the new tenant and its admin key");
        running.Cache.Tenant(tenantId)!.Status.ShouldBe("active");
        running.Cache.AuthenticateKey(adminKey).TenantId.ShouldBe(tenantId);
    }

    [Fact]
    public async Task learns_a_tenant_s_new_hot_window()
    {
        var (tenantId, adminKey) = await app.OnboardAsync();
        await using var running = await RunningConfigCache.StartAsync(app);
        running.Cache.Tenant(tenantId).ShouldNotBeNull().HotWindowMinutes.ShouldBeNull();

        using var patch = await app.ClientWithKey(adminKey).PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { hotWindowMinutes = 15 });
        patch.StatusCode.ShouldBe(HttpStatusCode.OK);

        await Eventually.Until(() => running.Cache.Tenant(tenantId)?.HotWindowMinutes == 15, Deadline, "the cache learned the tenant's hot window");
    }
}
