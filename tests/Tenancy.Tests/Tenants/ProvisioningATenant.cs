using BuildingBlocks.EventStore;
using Tenancy.Tenants;
using ProvisioningState = Tenancy.Tenants.Provisioning;

namespace Tenancy.Tests.Tenants;

public sealed class ProvisioningATenant
{
    [Fact]
    public void a_new_tenant_is_provisioned_with_its_container()
    {
        var events = Tenant.Decide(new CompleteProvisioning("tenant-acme"), ATenant.Active);

        events.ShouldBe([new TenantProvisioned("tenant-acme")]);
        ATenant.Active.Evolve(events[0]).Provisioning.ShouldBe(ProvisioningState.Provisioned);
    }

    [Fact]
    public void a_suspended_tenant_is_still_provisioned()
    {
        Tenant.Decide(new CompleteProvisioning("tenant-acme"), ATenant.Suspended).ShouldBe([new TenantProvisioned("tenant-acme")]);
    }

    [Fact]
    public void a_provisioned_tenant_cannot_be_provisioned_again()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new CompleteProvisioning("tenant-acme"), ATenant.Provisioned))
            .Message.ShouldContain("provisioning Provisioned");
    }

    [Fact]
    public void a_tenant_whose_provisioning_failed_can_be_provisioned_later_and_forgets_the_failure()
    {
        var events = Tenant.Decide(new CompleteProvisioning("tenant-acme"), ATenant.WithFailedProvisioning);

        var tenant = ATenant.WithFailedProvisioning.Evolve(events.Single());
        tenant.Provisioning.ShouldBe(ProvisioningState.Provisioned);
        tenant.ProvisioningError.ShouldBeNull();
    }

    [Fact]
    public void a_tenant_that_asked_for_deletion_is_not_provisioned()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new CompleteProvisioning("tenant-acme"), ATenant.DeletionRequested));
    }

    [Fact]
    public void a_failed_provisioning_is_recorded_with_its_reason()
    {
        var events = Tenant.Decide(new FailProvisioning("blob storage down"), ATenant.Active);

        events.ShouldBe([new TenantProvisioningFailed("blob storage down")]);
        var tenant = ATenant.Active.Evolve(events[0]);
        tenant.Provisioning.ShouldBe(ProvisioningState.Failed);
        tenant.ProvisioningError.ShouldBe("blob storage down");
    }

    [Fact]
    public void provisioning_cannot_fail_after_it_succeeded()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new FailProvisioning("late"), ATenant.Provisioned));
    }

    [Fact]
    public void provisioning_cannot_fail_twice()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new FailProvisioning("again"), ATenant.WithFailedProvisioning));
    }

    [Fact]
    public void a_deleted_tenant_cannot_fail_provisioning()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new FailProvisioning("late"), ATenant.Deleted));
    }
}
