using BuildingBlocks.EventStore;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

public sealed class SuspendingATenant
{
    [Fact]
    public void an_active_tenant_is_suspended_with_the_reason()
    {
        var events = Tenant.Decide(new SuspendTenant("unpaid invoice"), ATenant.Active);

        events.ShouldBe([new TenantSuspended("unpaid invoice")]);
        ATenant.Active.Evolve(events[0]).Status.ShouldBe(TenantStatus.Suspended);
    }

    [Fact]
    public void a_suspended_tenant_cannot_be_suspended_again()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new SuspendTenant("again"), ATenant.Suspended))
            .Message.ShouldContain("SuspendTenant is not allowed while the tenant is Suspended");
    }

    [Fact]
    public void a_tenant_that_asked_for_deletion_cannot_be_suspended()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new SuspendTenant("late"), ATenant.DeletionRequested));
    }

    [Fact]
    public void a_suspended_tenant_is_reactivated()
    {
        var events = Tenant.Decide(new ReactivateTenant(), ATenant.Suspended);

        events.ShouldBe([new TenantReactivated()]);
        ATenant.Suspended.Evolve(events[0]).Status.ShouldBe(TenantStatus.Active);
    }

    [Fact]
    public void an_active_tenant_cannot_be_reactivated()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ReactivateTenant(), ATenant.Active)).Message.ShouldContain("Active");
    }

    [Fact]
    public void a_deleted_tenant_cannot_be_reactivated()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ReactivateTenant(), ATenant.Deleted));
    }
}
