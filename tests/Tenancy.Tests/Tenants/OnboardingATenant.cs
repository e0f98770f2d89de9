using BuildingBlocks.EventStore;
using Tenancy.Tenants;
using ProvisioningState = Tenancy.Tenants.Provisioning;

namespace Tenancy.Tests.Tenants;

public sealed class OnboardingATenant
{
    static readonly OnboardTenant Onboard = new("acme", "Acme", "ops@acme.example", "standard", 14, "debug");

    [Fact]
    public void a_new_tenant_is_onboarded_with_its_settings()
    {
        var events = Tenant.Decide(Onboard, Tenant.Initial);

        events.ShouldBe([new TenantOnboarded("acme", "Acme", "ops@acme.example", "standard", 14, "debug")]);
    }

    [Fact]
    public void an_onboarded_tenant_is_active_and_waits_for_provisioning()
    {
        var tenant = History.Of<Tenant>(Tenant.Decide(Onboard, Tenant.Initial));

        tenant.ShouldBe(new Tenant("acme", TenantStatus.Active, "Acme", "ops@acme.example", "standard", 14, "debug", null, ProvisioningState.Pending,
            null));
    }

    [Fact]
    public void a_tenant_cannot_be_onboarded_twice()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(Onboard, ATenant.Active)).Message.ShouldContain("OnboardTenant is not allowed");
    }

    [Fact]
    public void a_deleted_tenant_cannot_be_onboarded_again()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(Onboard, ATenant.Deleted));
    }

    [Fact]
    public void commands_for_a_tenant_that_was_never_onboarded_say_it_does_not_exist()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new SuspendTenant("unpaid"), Tenant.Initial))
            .Message.ShouldBe("SuspendTenant: the tenant does not exist");
    }
}
