using BuildingBlocks.EventStore;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

public sealed class DeletingATenant
{
    [Fact]
    public void an_active_tenant_asks_for_deletion()
    {
        var events = Tenant.Decide(new RequestTenantDeletion(), ATenant.Active);

        events.ShouldBe([new TenantDeletionRequested()]);
        ATenant.Active.Evolve(events[0]).Status.ShouldBe(TenantStatus.DeletionRequested);
    }

    [Fact]
    public void a_suspended_tenant_can_ask_for_deletion()
    {
        Tenant.Decide(new RequestTenantDeletion(), ATenant.Suspended).ShouldBe([new TenantDeletionRequested()]);
    }

    [Fact]
    public void deletion_cannot_be_requested_twice()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new RequestTenantDeletion(), ATenant.DeletionRequested));
    }

    [Fact]
    public void a_deleted_tenant_cannot_ask_for_deletion_again()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new RequestTenantDeletion(), ATenant.Deleted));
    }

    [Fact]
    public void a_requested_deletion_is_completed()
    {
        var events = Tenant.Decide(new CompleteDeletion(), ATenant.DeletionRequested);

        events.ShouldBe([new TenantDeleted()]);
        ATenant.DeletionRequested.Evolve(events[0]).Status.ShouldBe(TenantStatus.Deleted);
    }

    [Fact]
    public void deletion_is_not_completed_unless_it_was_requested()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new CompleteDeletion(), ATenant.Active)).Message.ShouldContain("Active");
    }

    [Fact]
    public void a_deleted_tenant_cannot_be_deleted_again()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new CompleteDeletion(), ATenant.Deleted));
    }
}
