using BuildingBlocks.EventStore;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

public sealed class ChangingThePlan
{
    [Fact]
    public void an_active_tenant_moves_to_another_plan()
    {
        var events = Tenant.Decide(new ChangePlan(Plans.Enterprise), ATenant.Active);

        events.ShouldBe([new TenantPlanChanged(Plans.Enterprise)]);
        History.Of<Tenant>(ATenant.Onboarded, events[0]).Plan.ShouldBe(Plans.Enterprise);
    }

    [Fact]
    public void records_nothing_when_the_plan_is_the_same()
    {
        Tenant.Decide(new ChangePlan(Plans.Free), ATenant.Active).ShouldBeEmpty();
    }

    [Fact]
    public void a_suspended_tenant_cannot_change_its_plan()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangePlan(Plans.Standard), ATenant.Suspended)).Message.ShouldContain("Suspended");
    }

    [Fact]
    public void a_tenant_that_asked_for_deletion_cannot_change_its_plan()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangePlan(Plans.Standard), ATenant.DeletionRequested));
    }

    [Fact]
    public void a_tenant_that_does_not_exist_has_no_plan_to_change()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangePlan(Plans.Standard), Tenant.Initial));
    }
}
