using System.Security.Cryptography;
using Contracts.Config;

namespace Tenancy.AlertRules;

public interface IAlertRuleEvent
{
    string RuleId { get; }
}

public sealed record AlertRuleCreated(string TenantId, string RuleId, AlertRuleDefinition Definition, bool Enabled) : IAlertRuleEvent;
public sealed record AlertRuleChanged(string RuleId, AlertRuleDefinition Definition) : IAlertRuleEvent;
public sealed record AlertRuleEnabled(string RuleId) : IAlertRuleEvent;
public sealed record AlertRuleDisabled(string RuleId) : IAlertRuleEvent;
public sealed record AlertRuleDeleted(string RuleId) : IAlertRuleEvent;

/// <summary>
/// What a rule watches and whom it tells. It is stored inside the events above, so it changes only as they may: additively.
/// </summary>
public sealed record AlertRuleDefinition(string Name, string Query, string Window, AlertThreshold Threshold, string Severity,
    IReadOnlyList<AlertChannel> Channels)
{
    /// <summary>By value, channels included (a record compares lists by reference), so an unchanged PUT records nothing.</summary>
    public bool Equals(AlertRuleDefinition? other) =>
        other is not null && Name == other.Name && Query == other.Query && Window == other.Window && Threshold == other.Threshold
        && Severity == other.Severity && Channels.SequenceEqual(other.Channels);

    public override int GetHashCode() => HashCode.Combine(Name, Query, Window, Threshold, Severity, Channels.Count);
}

public static class AlertRuleStream
{
    public static string For(string tenantId, string ruleId) => $"{tenantId}:alertrule:{ruleId}";

    public static string NewRuleId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
