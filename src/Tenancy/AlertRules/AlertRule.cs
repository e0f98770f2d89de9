using BuildingBlocks.EventStore;

namespace Tenancy.AlertRules;

public enum AlertRuleStatus { None, Active, Deleted }

public interface IAlertRuleCommand;
public sealed record CreateAlertRule(string TenantId, string RuleId, AlertRuleDefinition Definition, bool Enabled) : IAlertRuleCommand;
/// <summary>Replaces the definition and says whether the rule is on; only what differs is recorded.</summary>
public sealed record ChangeAlertRule(AlertRuleDefinition Definition, bool Enabled) : IAlertRuleCommand;
public sealed record DeleteAlertRule : IAlertRuleCommand;

public sealed record AlertRule(string TenantId, string RuleId, AlertRuleStatus Status, AlertRuleDefinition Definition, bool Enabled)
    : IAggregate<AlertRule>
{
    public static AlertRule Initial { get; } = new("", "", AlertRuleStatus.None, new("", "", "", new("", 0), "", []), false);

    public static IAlertRuleEvent[] Decide(IAlertRuleCommand command, AlertRule state) => command switch
    {
        CreateAlertRule c when state.Status == AlertRuleStatus.None => [new AlertRuleCreated(c.TenantId, c.RuleId, c.Definition, c.Enabled)],
        ChangeAlertRule c when state.Status == AlertRuleStatus.Active => state.Changes(c),
        DeleteAlertRule when state.Status == AlertRuleStatus.Active => [new AlertRuleDeleted(state.RuleId)],
        _ => throw new RuleViolation(state.Status switch
        {
            AlertRuleStatus.None => $"{command.GetType().Name}: the alert rule does not exist",
            AlertRuleStatus.Deleted => $"{command.GetType().Name}: the alert rule was deleted",
            _ => $"{command.GetType().Name}: the alert rule '{state.RuleId}' already exists",
        }),
    };

    public AlertRule Evolve(object @event) => @event switch
    {
        AlertRuleCreated e => new(e.TenantId, e.RuleId, AlertRuleStatus.Active, e.Definition, e.Enabled),
        AlertRuleChanged e => this with { Definition = e.Definition },
        AlertRuleEnabled => this with { Enabled = true },
        AlertRuleDisabled => this with { Enabled = false },
        AlertRuleDeleted => this with { Status = AlertRuleStatus.Deleted },
        _ => this,
    };

    IAlertRuleEvent[] Changes(ChangeAlertRule c)
    {
        var changes = new List<IAlertRuleEvent>();
        if (c.Definition != Definition) changes.Add(new AlertRuleChanged(RuleId, c.Definition));
        if (c.Enabled != Enabled) changes.Add(c.Enabled ? new AlertRuleEnabled(RuleId) : new AlertRuleDisabled(RuleId));
        return [.. changes];
    }
}
