namespace Tenancy.Tenants;

public interface ITenantEvent;

// Stored as JSON: fields added later are nullable and last, so events recorded before them still load (as null).
// HotWindowMinutes: null in TenantOnboarded is the platform default; in TenantSettingsChanged null is "unchanged" and
// TenantRules.PlatformHotWindow (0) is "back to the platform default".
public sealed record TenantOnboarded(string TenantId, string DisplayName, string AdminEmail, string Plan, int RetentionDays, string MinimumLevel,
    int? HotWindowMinutes = null) : ITenantEvent;
public sealed record TenantSettingsChanged(string? DisplayName, string? AdminEmail, int? RetentionDays, string? MinimumLevel,
    int? HotWindowMinutes = null) : ITenantEvent;
public sealed record TenantPlanChanged(string Plan) : ITenantEvent;
public sealed record TenantSuspended(string Reason) : ITenantEvent;
public sealed record TenantReactivated : ITenantEvent;
public sealed record TenantDeletionRequested : ITenantEvent;
public sealed record TenantProvisioned(string Container) : ITenantEvent;
public sealed record TenantProvisioningFailed(string Reason) : ITenantEvent;
public sealed record TenantDeleted : ITenantEvent;

public static class TenantStream
{
    public static string For(string tenantId) => $"{tenantId}:tenant";
}
