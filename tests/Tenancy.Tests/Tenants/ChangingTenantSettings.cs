using BuildingBlocks.EventStore;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

public sealed class ChangingTenantSettings
{
    [Fact]
    public void records_only_the_settings_that_differ()
    {
        var events = Tenant.Decide(new ChangeTenantSettings("Acme Corp", "ops@acme.example", 90, null), ATenant.Active);

        events.ShouldBe([new TenantSettingsChanged("Acme Corp", null, 90, null)]);
    }

    [Fact]
    public void records_nothing_when_no_setting_differs()
    {
        Tenant.Decide(new ChangeTenantSettings("Acme", "ops@acme.example", 30, "info"), ATenant.Active).ShouldBeEmpty();
    }

    [Fact]
    public void changed_settings_replace_the_old_ones_and_omitted_ones_stay()
    {
        var tenant = ATenant.Active.Evolve(new TenantSettingsChanged(null, "sre@acme.example", null, "warn"));

        tenant.ShouldBe(ATenant.Active with { AdminEmail = "sre@acme.example", MinimumLevel = "warn" });
    }

    [Fact]
    public void a_suspended_tenant_can_still_change_its_settings()
    {
        Tenant.Decide(new ChangeTenantSettings(null, null, 7, null), ATenant.Suspended).ShouldBe([new TenantSettingsChanged(null, null, 7, null)]);
    }

    [Fact]
    public void a_tenant_that_asked_for_deletion_cannot_change_its_settings()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings("New", null, null, null), ATenant.DeletionRequested))
            .Message.ShouldContain("DeletionRequested");
    }

    [Fact]
    public void a_deleted_tenant_cannot_change_its_settings()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings("New", null, null, null), ATenant.Deleted));
    }

    [Fact]
    public void a_tenant_that_does_not_exist_has_no_settings_to_change()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings("New", null, null, null), Tenant.Initial))
            .Message.ShouldContain("does not exist");
    }
}
