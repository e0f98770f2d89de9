namespace Contracts.Config;

/// <summary>
/// Integration events on platform.config. Each carries the whole current state of one entity plus its stream version,
/// so a cache simply keeps the highest version it has seen: replays and reordering across entities are harmless.
/// Additive changes only; V is the schema version.
/// </summary>
public static class ConfigMessageTypes
{
    public const string TenantChanged = "tenant.changed.v1";
    public const string ApiKeyChanged = "apikey.changed.v1";
    public const string PipelineChanged = "pipeline.changed.v1";
    public const string AlertRuleChanged = "alertrule.changed.v1";
}

public sealed record PlanQuotas(long EventsPerDay, long IngestBytesPerSecond, long LinesPerSecond, int MaxQueryRangeDays);

/// <summary>HotWindowMinutes null: the platform's own hot window (Query's config). Added after V so existing callers and
/// messages stay valid; a message written before it reads as null.</summary>
public sealed record TenantConfig(string TenantId, string DisplayName, string Status, string Plan, PlanQuotas Quotas,
    int RetentionDays, string MinimumLevel, int Version, int V = 1, int? HotWindowMinutes = null);

/// <summary>Only a salted hash of the secret travels: enough to check a presented key, useless to forge one.</summary>
public sealed record ApiKeyConfig(string KeyId, string TenantId, string Name, string Role, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt, string Salt, string Hash, bool Revoked, int Version, int V = 1);

public sealed record PipelineConfig(string TenantId, int PipelineVersion, IReadOnlyList<PipelineStage> Stages, int Version, int V = 1);

public sealed record AlertRuleConfig(string TenantId, string RuleId, string Name, string Query, string Window,
    AlertThreshold Threshold, string Severity, IReadOnlyList<AlertChannel> Channels, bool Enabled, bool Deleted, int Version, int V = 1);

public sealed record AlertThreshold(string Comparison, double Value);
public sealed record AlertChannel(string Type, string Target);

/// <summary>GET /api/v1/config/snapshot: everything a cache needs to start before it follows the topic.</summary>
public sealed record ConfigSnapshot(IReadOnlyList<TenantConfig> Tenants, IReadOnlyList<ApiKeyConfig> ApiKeys,
    IReadOnlyList<PipelineConfig> Pipelines, IReadOnlyList<AlertRuleConfig> AlertRules);
