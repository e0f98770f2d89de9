using FluentValidation;

namespace Tenancy.Tenants;

public sealed record OnboardTenantRequest(string? TenantId, string? DisplayName, string? AdminEmail, string? Plan,
    int? RetentionDays, string? MinimumLevel);

public sealed record ChangeTenantRequest(string? DisplayName, string? AdminEmail, int? RetentionDays, string? MinimumLevel, string? Plan);

public sealed record SuspendTenantRequest(string? Reason);

static class TenantRules
{
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;
    public const int DefaultRetentionDays = 30;
    public static readonly string[] Levels = ["trace", "debug", "info", "warn", "error", "fatal"];

    /// <summary>Lowercase letters, digits and inner hyphens: safe in stream ids, blob container names and URLs.</summary>
    public const string TenantIdPattern = "^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$";
}

sealed class OnboardTenantValidator : AbstractValidator<OnboardTenantRequest>
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
    }
}

sealed class ChangeTenantValidator : AbstractValidator<ChangeTenantRequest>
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
    }
}
