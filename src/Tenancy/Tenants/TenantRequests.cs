using FluentValidation;

namespace Tenancy.Tenants;

public sealed record OnboardTenantRequest(string? TenantId, string? DisplayName, string? AdminEmail, string? Plan,
    int? RetentionDays, string? MinimumLevel, int? HotWindowMinutes);

public sealed record ChangeTenantRequest(string? DisplayName, string? AdminEmail, int? RetentionDays, string? MinimumLevel, string? Plan,
    int? HotWindowMinutes);

public sealed record SuspendTenantRequest(string? Reason);

public static class TenantRules
{
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;
    public const int DefaultRetentionDays = 30;
    public const int MinutesPerDay = 1440;

    /// <summary>In a PATCH (and in the TenantSettingsChanged it records): drop the tenant's own hot window for the platform's.</summary>
    public const int PlatformHotWindow = 0;

    public static readonly string[] Levels = ["trace", "debug", "info", "warn", "error", "fatal"];

    /// <summary>Lowercase letters, digits and inner hyphens: safe in stream ids, blob container names and URLs.</summary>
    public const string TenantIdPattern = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";

    /// <summary>Clamped, so an out-of-range retentionDays (reported on its own) cannot overflow the bound.</summary>
    public static int RetentionMinutes(int retentionDays) => Math.Clamp(retentionDays, MinRetentionDays, MaxRetentionDays) * MinutesPerDay;

    public static bool HotWindowFits(int minutes, int retentionDays) => minutes >= 1 && minutes <= RetentionMinutes(retentionDays);

    public static string HotWindowMessage(int? retentionDays) => "hotWindowMinutes must be between 1 and the retention in minutes " +
        (retentionDays is { } days ? $"({days} days = {RetentionMinutes(days)})." : "(retentionDays × 1440).");
}

public sealed class OnboardTenantValidator : AbstractValidator<OnboardTenantRequest>
{
    public OnboardTenantValidator()
    {
        RuleFor(r => r.TenantId).NotEmpty().Matches(TenantRules.TenantIdPattern)
            .WithMessage("tenantId must be 3-40 characters: lowercase letters, digits and hyphens, not starting or ending with a hyphen.");
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.AdminEmail).NotEmpty().EmailAddress().MaximumLength(320);
        RuleFor(r => r.Plan).Must(Plans.Exists).When(r => r.Plan is not null)
            .WithMessage($"plan must be one of: {string.Join(", ", Plans.Quotas.Keys)}.");
        RuleFor(r => r.RetentionDays).InclusiveBetween(TenantRules.MinRetentionDays, TenantRules.MaxRetentionDays);
        RuleFor(r => r.MinimumLevel).Must(l => TenantRules.Levels.Contains(l)).When(r => r.MinimumLevel is not null)
            .WithMessage($"minimumLevel must be one of: {string.Join(", ", TenantRules.Levels)}.");
        RuleFor(r => r.HotWindowMinutes).Must((r, minutes) => TenantRules.HotWindowFits(minutes!.Value, Retention(r)))
            .When(r => r.HotWindowMinutes is not null)
            .WithMessage(r => TenantRules.HotWindowMessage(Retention(r)) + " Omit it for the platform default.");
    }

    static int Retention(OnboardTenantRequest r) => r.RetentionDays ?? TenantRules.DefaultRetentionDays;
}

public sealed class ChangeTenantValidator : AbstractValidator<ChangeTenantRequest>
{
    public ChangeTenantValidator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(200).When(r => r.DisplayName is not null);
        RuleFor(r => r.AdminEmail).EmailAddress().MaximumLength(320).When(r => r.AdminEmail is not null);
        RuleFor(r => r.RetentionDays).InclusiveBetween(TenantRules.MinRetentionDays, TenantRules.MaxRetentionDays);
        RuleFor(r => r.MinimumLevel).Must(l => TenantRules.Levels.Contains(l)).When(r => r.MinimumLevel is not null)
            .WithMessage($"minimumLevel must be one of: {string.Join(", ", TenantRules.Levels)}.");
        RuleFor(r => r.Plan).Must(Plans.Exists).When(r => r.Plan is not null)
            .WithMessage($"plan must be one of: {string.Join(", ", Plans.Quotas.Keys)}.");
        // Without retentionDays in the body the bound is the tenant's current retention, which the endpoint checks once it has read it.
        RuleFor(r => r.HotWindowMinutes)
            .Must((r, minutes) => minutes == TenantRules.PlatformHotWindow || TenantRules.HotWindowFits(minutes!.Value, Retention(r)))
            .When(r => r.HotWindowMinutes is not null)
            .WithMessage(r => TenantRules.HotWindowMessage(r.RetentionDays) + " 0 goes back to the platform default.");
    }

    static int Retention(ChangeTenantRequest r) => r.RetentionDays ?? TenantRules.MaxRetentionDays;
}
