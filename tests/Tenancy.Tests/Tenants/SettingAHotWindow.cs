using System.Text.Json;
using BuildingBlocks.EventStore;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

/// <summary>A tenant's own hot window (how long Query keeps its logs on local disk), in minutes; null is the platform's.</summary>
public sealed class SettingAHotWindow
{
    static readonly Tenant WithHotWindow = History.Of<Tenant>(ATenant.Onboarded, new TenantSettingsChanged(null, null, null, null, 120));

    [Fact]
    public void a_tenant_onboarded_without_a_hot_window_uses_the_platform_default()
    {
        ATenant.Active.HotWindowMinutes.ShouldBeNull();
    }

    [Fact]
    public void a_tenant_can_be_onboarded_with_its_own_hot_window()
    {
        var events = Tenant.Decide(new OnboardTenant("acme", "Acme", "ops@acme.example", "free", 2, "info", 90), Tenant.Initial);

        events.ShouldBe([new TenantOnboarded("acme", "Acme", "ops@acme.example", "free", 2, "info", 90)]);
        History.Of<Tenant>(events).HotWindowMinutes.ShouldBe(90);
    }

    [Fact]
    public void a_hot_window_longer_than_the_retention_is_refused_at_onboarding()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new OnboardTenant("acme", "Acme", "ops@acme.example", "free", 1, "info", 1441), Tenant.Initial))
            .Message.ShouldContain("1441 minutes");
    }

    [Fact]
    public void records_a_new_hot_window()
    {
        Tenant.Decide(new ChangeTenantSettings(null, null, null, null, 60), ATenant.Active)
            .ShouldBe([new TenantSettingsChanged(null, null, null, null, 60)]);
    }

    [Fact]
    public void records_nothing_when_the_hot_window_is_unchanged()
    {
        Tenant.Decide(new ChangeTenantSettings(null, null, null, null, 120), WithHotWindow).ShouldBeEmpty();
    }

    [Fact]
    public void a_changed_hot_window_replaces_the_old_one_and_an_omitted_one_stays()
    {
        WithHotWindow.HotWindowMinutes.ShouldBe(120);
        WithHotWindow.Evolve(new TenantSettingsChanged(null, null, null, null, 30)).HotWindowMinutes.ShouldBe(30);
        WithHotWindow.Evolve(new TenantSettingsChanged("Renamed", null, 14, null)).HotWindowMinutes.ShouldBe(120);
    }

    [Fact]
    public void zero_goes_back_to_the_platform_default()
    {
        var events = Tenant.Decide(new ChangeTenantSettings(null, null, null, null, TenantRules.PlatformHotWindow), WithHotWindow);

        events.ShouldBe([new TenantSettingsChanged(null, null, null, null, TenantRules.PlatformHotWindow)]);
        History.Of<Tenant>([ATenant.Onboarded, new TenantSettingsChanged(null, null, null, null, 120), .. events]).HotWindowMinutes.ShouldBeNull();
    }

    [Fact]
    public void zero_records_nothing_for_a_tenant_already_on_the_platform_default()
    {
        Tenant.Decide(new ChangeTenantSettings(null, null, null, null, TenantRules.PlatformHotWindow), ATenant.Active).ShouldBeEmpty();
    }

    [Fact]
    public void the_hot_window_may_be_as_long_as_the_retention_but_not_longer()
    {
        Tenant.Decide(new ChangeTenantSettings(null, null, 2, null, 2 * 1440), ATenant.Active)
            .ShouldBe([new TenantSettingsChanged(null, null, 2, null, 2880)]);
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings(null, null, 2, null, 2 * 1440 + 1), ATenant.Active));
    }

    [Fact]
    public void the_retention_cannot_be_shortened_below_the_hot_window()
    {
        var twoDays = History.Of<Tenant>(ATenant.Onboarded, new TenantSettingsChanged(null, null, null, null, 2 * 1440));

        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings(null, null, 1, null), twoDays))
            .Message.ShouldContain("retention of 1 days");
        Tenant.Decide(new ChangeTenantSettings(null, null, 1, null, 1440), twoDays).ShouldBe([new TenantSettingsChanged(null, null, 1, null, 1440)]);
        Tenant.Decide(new ChangeTenantSettings(null, null, 1, null, TenantRules.PlatformHotWindow), twoDays)
            .ShouldBe([new TenantSettingsChanged(null, null, 1, null, TenantRules.PlatformHotWindow)]);
    }

    [Fact]
    public void a_negative_hot_window_is_refused()
    {
        Should.Throw<RuleViolation>(() => Tenant.Decide(new ChangeTenantSettings(null, null, null, null, -5), ATenant.Active));
    }

    [Fact]
    public void the_summary_shows_the_hot_window_and_its_return_to_the_default()
    {
        var onboarded = TenantSummary.Create(ATenant.Onboarded with { HotWindowMinutes = 45 }, Stored(1));

        onboarded.HotWindowMinutes.ShouldBe(45);
        onboarded.Apply(new TenantSettingsChanged("Renamed", null, null, null), Stored(2)).HotWindowMinutes.ShouldBe(45);
        onboarded.Apply(new TenantSettingsChanged(null, null, null, null, 15), Stored(2)).HotWindowMinutes.ShouldBe(15);
        onboarded.Apply(new TenantSettingsChanged(null, null, null, null, TenantRules.PlatformHotWindow), Stored(2)).HotWindowMinutes.ShouldBeNull();
    }

    [Fact]
    public void an_event_stored_before_hot_windows_existed_loads_as_the_platform_default()
    {
        var onboarded = JsonSerializer.Deserialize<TenantOnboarded>(
            """{"tenantId":"acme","displayName":"Acme","adminEmail":"ops@acme.example","plan":"free","retentionDays":30,"minimumLevel":"info"}""",
            EventTypeRegistry.Json)!;
        var changed = JsonSerializer.Deserialize<TenantSettingsChanged>("""{"retentionDays":14}""", EventTypeRegistry.Json)!;

        onboarded.ShouldBe(ATenant.Onboarded);
        changed.ShouldBe(new TenantSettingsChanged(null, null, 14, null));
        History.Of<Tenant>(onboarded, changed).HotWindowMinutes.ShouldBeNull();
    }

    static StoredEvent Stored(int version) =>
        new(version, "acme:tenant", version, Guid.NewGuid(), "tenant.x.v1", new object(), EventMetadata.System("test"), DateTimeOffset.UnixEpoch);
}
