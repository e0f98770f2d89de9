using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

/// <summary>Tenants in each state their stream can reach.</summary>
static class ATenant
{
    public static readonly TenantOnboarded Onboarded = new("acme", "Acme", "ops@acme.example", "free", 30, "info");

    public static Tenant Active => History.Of<Tenant>(Onboarded);
    public static Tenant Provisioned => History.Of<Tenant>(Onboarded, new TenantProvisioned("tenant-acme"));
    public static Tenant WithFailedProvisioning => History.Of<Tenant>(Onboarded, new TenantProvisioningFailed("blob storage down"));
    public static Tenant Suspended => History.Of<Tenant>(Onboarded, new TenantSuspended("unpaid"));
    public static Tenant DeletionRequested => History.Of<Tenant>(Onboarded, new TenantDeletionRequested());
    public static Tenant Deleted => History.Of<Tenant>(Onboarded, new TenantDeletionRequested(), new TenantDeleted());
}
