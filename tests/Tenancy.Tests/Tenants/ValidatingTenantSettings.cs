using System.Text.Json;
using Tenancy.Tenants;

namespace Tenancy.Tests.Tenants;

public sealed class ValidatingTenantSettings
{
    static readonly OnboardTenantValidator Onboarding = new();
    static readonly ChangeTenantValidator Change = new();

    static OnboardTenantRequest Onboard(int? retentionDays, int? hotWindowMinutes) =>
        new("acme", "Acme", "ops@acme.example", null, retentionDays, null, hotWindowMinutes);

    static ChangeTenantRequest Patch(int? retentionDays, int? hotWindowMinutes) => new(null, null, retentionDays, null, null, hotWindowMinutes);

    static void ShouldNameOnly(IDictionary<string, string[]> errors, params string[] fields) =>
        errors.Keys.Order().ShouldBe(fields.Order(), $"errors: {JsonSerializer.Serialize(errors)}");

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, 1)]
    [InlineData(2, 2880)]
    [InlineData(null, 30 * 1440)]
    public void onboarding_accepts_a_hot_window_from_one_minute_to_the_whole_retention(int? retentionDays, int? hotWindowMinutes)
    {
        ShouldNameOnly(ValidationErrors.Of(Onboarding, Onboard(retentionDays, hotWindowMinutes)));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(null, -1)]
    [InlineData(2, 2881)]
    [InlineData(null, 30 * 1440 + 1)]
    public void onboarding_names_a_hot_window_outside_one_minute_to_the_retention(int? retentionDays, int? hotWindowMinutes)
    {
        ShouldNameOnly(ValidationErrors.Of(Onboarding, Onboard(retentionDays, hotWindowMinutes)), "hotWindowMinutes");
    }

    [Fact]
    public void the_message_says_the_bound_in_minutes()
    {
        ValidationErrors.Of(Onboarding, Onboard(2, 5000))["hotWindowMinutes"].Single().ShouldContain("2 days = 2880");
    }

    [Fact]
    public void a_bad_retention_and_a_bad_hot_window_are_both_named_without_overflowing()
    {
        ShouldNameOnly(ValidationErrors.Of(Onboarding, Onboard(int.MaxValue, 0)), "retentionDays", "hotWindowMinutes");
        ShouldNameOnly(ValidationErrors.Of(Change, Patch(int.MaxValue, -1)), "retentionDays", "hotWindowMinutes");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, 0)]
    [InlineData(null, 1)]
    [InlineData(7, 7 * 1440)]
    [InlineData(null, 3650 * 1440)]
    public void a_patch_accepts_zero_for_the_platform_default_and_a_hot_window_within_the_retention_it_shows(int? retentionDays,
        int? hotWindowMinutes)
    {
        ShouldNameOnly(ValidationErrors.Of(Change, Patch(retentionDays, hotWindowMinutes)));
    }

    [Theory]
    [InlineData(null, -1)]
    [InlineData(7, 7 * 1440 + 1)]
    [InlineData(null, 3650 * 1440 + 1)]
    public void a_patch_names_a_hot_window_outside_the_retention_it_shows(int? retentionDays, int? hotWindowMinutes)
    {
        ShouldNameOnly(ValidationErrors.Of(Change, Patch(retentionDays, hotWindowMinutes)), "hotWindowMinutes");
    }
}
