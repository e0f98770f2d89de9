using BuildingBlocks.EventStore;
using Contracts.Config;
using Npgsql;
using Tenancy.Storage;

namespace Tenancy.AlertRules;

/// <summary>
/// Keeps the alert_rules table as <see cref="AlertRuleConfig"/> documents, the records the config snapshot serves. A deleted
/// rule stays as a tombstone (Deleted, with its last version) so a cache starting from the snapshot ignores an older
/// message about it instead of bringing it back; the API hides tombstones.
/// </summary>
sealed class AlertRuleProjection : IInlineProjection
{
    public const string Table = "alert_rules";

    /// <summary>Rule ids are unique within a tenant only: the seeded rule has the same id in every tenant.</summary>
    public static string IdOf(string tenantId, string ruleId) => $"{tenantId}:{ruleId}";

    public async Task ApplyAsync(NpgsqlConnection connection, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Data is not IAlertRuleEvent e) return;
        var tenantId = stored.StreamId[..stored.StreamId.IndexOf(':')];
        var rule = e is AlertRuleCreated created
            ? Create(created, stored.Version)
            : Apply((await Documents.GetAsync<AlertRuleConfig>(connection, Table, IdOf(tenantId, e.RuleId), ct))!, e, stored.Version);
        await Documents.UpsertAsync(connection, Table, IdOf(tenantId, e.RuleId), tenantId, rule, stored.Version, ct);
    }

    public static AlertRuleConfig Create(AlertRuleCreated e, int version) => new(e.TenantId, e.RuleId, e.Definition.Name, e.Definition.Query,
        e.Definition.Window, e.Definition.Threshold, e.Definition.Severity, e.Definition.Channels, e.Enabled, Deleted: false, version);

    public static AlertRuleConfig Apply(AlertRuleConfig rule, IAlertRuleEvent e, int version) => (e switch
    {
        AlertRuleChanged c => rule with
        {
            Name = c.Definition.Name,
            Query = c.Definition.Query,
            Window = c.Definition.Window,
            Threshold = c.Definition.Threshold,
            Severity = c.Definition.Severity,
            Channels = c.Definition.Channels,
        },
        AlertRuleEnabled => rule with { Enabled = true },
        AlertRuleDisabled => rule with { Enabled = false },
        AlertRuleDeleted => rule with { Deleted = true },
        _ => rule,
    }) with { Version = version };
}
