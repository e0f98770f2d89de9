using BuildingBlocks.EventStore;
using Npgsql;
using Tenancy.Storage;

namespace Tenancy.Tenants;

/// <summary>
/// What GET /tenants/{id} shows; kept in the tenants table by its projection. HotWindowMinutes null: the platform's hot
/// window (also what a document written before the field existed reads as).
/// </summary>
public sealed record TenantSummary(string TenantId, string DisplayName, string AdminEmail, TenantStatus Status, string Plan,
    int RetentionDays, string MinimumLevel, int? HotWindowMinutes, Provisioning Provisioning, string? ProvisioningError,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int Version)
{
    public static TenantSummary Create(TenantOnboarded e, StoredEvent stored) =>
        new(e.TenantId, e.DisplayName, e.AdminEmail, TenantStatus.Active, e.Plan, e.RetentionDays, e.MinimumLevel, e.HotWindowMinutes,
            Provisioning.Pending, null, stored.RecordedAt, stored.RecordedAt, stored.Version);

    public TenantSummary Apply(ITenantEvent e, StoredEvent stored) => (e switch
    {
        TenantSettingsChanged c => this with
        {
            DisplayName = c.DisplayName ?? DisplayName,
            AdminEmail = c.AdminEmail ?? AdminEmail,
            RetentionDays = c.RetentionDays ?? RetentionDays,
            MinimumLevel = c.MinimumLevel ?? MinimumLevel,
            HotWindowMinutes = c.HotWindowMinutes is TenantRules.PlatformHotWindow ? null : c.HotWindowMinutes ?? HotWindowMinutes,
        },
        TenantPlanChanged c => this with { Plan = c.Plan },
        TenantSuspended => this with { Status = TenantStatus.Suspended },
        TenantReactivated => this with { Status = TenantStatus.Active },
        TenantDeletionRequested => this with { Status = TenantStatus.DeletionRequested },
        TenantProvisioned => this with { Provisioning = Provisioning.Provisioned, ProvisioningError = null },
        TenantProvisioningFailed c => this with { Provisioning = Provisioning.Failed, ProvisioningError = c.Reason },
        TenantDeleted => this with { Status = TenantStatus.Deleted },
        _ => this,
    }) with { UpdatedAt = stored.RecordedAt, Version = stored.Version };
}

sealed class TenantSummaryProjection : IInlineProjection
{
    public const string Table = "tenants";

    public async Task ApplyAsync(NpgsqlConnection connection, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Data is not ITenantEvent e) return;
        var summary = e is TenantOnboarded onboarded
            ? TenantSummary.Create(onboarded, stored)
            : (await Documents.GetAsync<TenantSummary>(connection, Table, TenantIdOf(stored), ct))!.Apply(e, stored);
        await Documents.UpsertAsync(connection, Table, summary.TenantId, summary.TenantId, summary, stored.Version, ct);
    }

    static string TenantIdOf(StoredEvent stored) => stored.StreamId[..stored.StreamId.IndexOf(':')];
}
