using BuildingBlocks.EventStore;

namespace Tenancy.Tenants;

public enum TenantStatus { None, Active, Suspended, DeletionRequested, Deleted }
public enum Provisioning { Pending, Provisioned, Failed }

/// <summary>HotWindowMinutes null: the platform's hot window.</summary>
public sealed record Tenant(string Id, TenantStatus Status, string DisplayName, string AdminEmail, string Plan, int RetentionDays,
    string MinimumLevel, int? HotWindowMinutes, Provisioning Provisioning, string? ProvisioningError) : IAggregate<Tenant>
{
    public static Tenant Initial { get; } = new("", TenantStatus.None, "", "", "", 0, "", null, Provisioning.Pending, null);

    bool Live => Status is TenantStatus.Active or TenantStatus.Suspended;

    public static ITenantEvent[] Decide(ITenantCommand command, Tenant state) => command switch
    {
        OnboardTenant c when state.Status == TenantStatus.None =>
            state.WithHotWindowInRetention(new TenantOnboarded(c.TenantId, c.DisplayName, c.AdminEmail, c.Plan, c.RetentionDays, c.MinimumLevel,
                c.HotWindowMinutes)),
        ChangeTenantSettings c when state.Live => state.Changes(c) is { } changed ? state.WithHotWindowInRetention(changed) : [],
        ChangePlan c when state.Status == TenantStatus.Active => c.Plan == state.Plan ? [] : [new TenantPlanChanged(c.Plan)],
        SuspendTenant c when state.Status == TenantStatus.Active => [new TenantSuspended(c.Reason)],
        ReactivateTenant when state.Status == TenantStatus.Suspended => [new TenantReactivated()],
        RequestTenantDeletion when state.Live => [new TenantDeletionRequested()],
        CompleteProvisioning c when state.Live && state.Provisioning != Provisioning.Provisioned => [new TenantProvisioned(c.Container)],
        FailProvisioning c when state.Live && state.Provisioning == Provisioning.Pending => [new TenantProvisioningFailed(c.Reason)],
        CompleteDeletion when state.Status == TenantStatus.DeletionRequested => [new TenantDeleted()],
        _ => throw new RuleViolation(state.Status == TenantStatus.None
            ? $"{command.GetType().Name}: the tenant does not exist"
            : $"{command.GetType().Name} is not allowed while the tenant is {state.Status} (provisioning {state.Provisioning})"),
    };

    public Tenant Evolve(object @event) => @event switch
    {
        TenantOnboarded e => new(e.TenantId, TenantStatus.Active, e.DisplayName, e.AdminEmail, e.Plan, e.RetentionDays, e.MinimumLevel,
            e.HotWindowMinutes, Provisioning.Pending, null),
        TenantSettingsChanged e => this with
        {
            DisplayName = e.DisplayName ?? DisplayName,
            AdminEmail = e.AdminEmail ?? AdminEmail,
            RetentionDays = e.RetentionDays ?? RetentionDays,
            MinimumLevel = e.MinimumLevel ?? MinimumLevel,
            HotWindowMinutes = e.HotWindowMinutes is TenantRules.PlatformHotWindow ? null : e.HotWindowMinutes ?? HotWindowMinutes,
        },
        TenantPlanChanged e => this with { Plan = e.Plan },
        TenantSuspended => this with { Status = TenantStatus.Suspended },
        TenantReactivated => this with { Status = TenantStatus.Active },
        TenantDeletionRequested => this with { Status = TenantStatus.DeletionRequested },
        TenantProvisioned => this with { Provisioning = Provisioning.Provisioned, ProvisioningError = null },
        TenantProvisioningFailed e => this with { Provisioning = Provisioning.Failed, ProvisioningError = e.Reason },
        TenantDeleted => this with { Status = TenantStatus.Deleted },
        _ => this,
    };

    /// <summary>Only what actually differs, so a PATCH that changes nothing records nothing.</summary>
    TenantSettingsChanged? Changes(ChangeTenantSettings c)
    {
        var changed = new TenantSettingsChanged(
            c.DisplayName is { } name && name != DisplayName ? name : null,
            c.AdminEmail is { } email && email != AdminEmail ? email : null,
            c.RetentionDays is { } days && days != RetentionDays ? days : null,
            c.MinimumLevel is { } level && level != MinimumLevel ? level : null,
            c.HotWindowMinutes is { } minutes && minutes != (HotWindowMinutes ?? TenantRules.PlatformHotWindow) ? minutes : null);
        return changed == new TenantSettingsChanged(null, null, null, null, null) ? null : changed;
    }

    /// <summary>
    /// The API refuses such a request with a 400 first; this catches what it cannot see, e.g. a PATCH without If-Match that
    /// shortened the retention between that check and this decision.
    /// </summary>
    ITenantEvent[] WithHotWindowInRetention(ITenantEvent e) => Evolve(e) is { HotWindowMinutes: { } minutes } after
        && !TenantRules.HotWindowFits(minutes, after.RetentionDays)
            ? throw new RuleViolation($"A hot window of {minutes} minutes does not fit in a retention of {after.RetentionDays} days")
            : [e];
}
