namespace Tenancy.Tenants;

public interface ITenantCommand;

public sealed record OnboardTenant(string TenantId, string DisplayName, string AdminEmail, string Plan, int RetentionDays, string MinimumLevel,
    int? HotWindowMinutes = null) : ITenantCommand;
public sealed record ChangeTenantSettings(string? DisplayName, string? AdminEmail, int? RetentionDays, string? MinimumLevel,
    int? HotWindowMinutes = null) : ITenantCommand;
public sealed record ChangePlan(string Plan) : ITenantCommand;
public sealed record SuspendTenant(string Reason) : ITenantCommand;
public sealed record ReactivateTenant : ITenantCommand;
public sealed record RequestTenantDeletion : ITenantCommand;
public sealed record CompleteProvisioning(string Container) : ITenantCommand;
public sealed record FailProvisioning(string Reason) : ITenantCommand;
public sealed record CompleteDeletion : ITenantCommand;
