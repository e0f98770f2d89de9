using System.Text.Json;
using BuildingBlocks.EventStore;
using Contracts;
using Contracts.Config;
using Tenancy.AlertRules;
using Tenancy.ApiKeys;
using Tenancy.Pipelines;
using Tenancy.Tenants;

namespace Tenancy.Configuration;

/// <summary>The platform.config messages a new state publishes through the outbox.</summary>
static class IntegrationMessages
{
    public static IReadOnlyList<OutboxMessage> ForTenant(Tenant t, int version) =>
        [Message(ConfigMessageTypes.TenantChanged, t.Id, ToConfig(t, version))];

    public static IReadOnlyList<OutboxMessage> ForKey(ApiKey k, int version) =>
        [Message(ConfigMessageTypes.ApiKeyChanged, k.TenantId, ToConfig(k, version))];

    public static IReadOnlyList<OutboxMessage> ForPipeline(Pipeline p, int version) =>
        [Message(ConfigMessageTypes.PipelineChanged, p.TenantId, new PipelineConfig(p.TenantId, p.PipelineVersion, p.Stages, version))];

    /// <summary>A deleted rule is published too, with Deleted set, so caches drop it.</summary>
    public static IReadOnlyList<OutboxMessage> ForAlertRule(AlertRule r, int version) =>
        [Message(ConfigMessageTypes.AlertRuleChanged, r.TenantId, new AlertRuleConfig(r.TenantId, r.RuleId, r.Definition.Name,
            r.Definition.Query, r.Definition.Window, r.Definition.Threshold, r.Definition.Severity, r.Definition.Channels, r.Enabled,
            Deleted: r.Status == AlertRuleStatus.Deleted, version))];

    public static TenantConfig ToConfig(Tenant t, int version) => new(t.Id, t.DisplayName, t.Status.ToString().ToLowerInvariant(),
        t.Plan, Plans.Quotas[t.Plan], t.RetentionDays, t.MinimumLevel, version, HotWindowMinutes: t.HotWindowMinutes);

    public static TenantConfig ToConfig(TenantSummary t) => new(t.TenantId, t.DisplayName, t.Status.ToString().ToLowerInvariant(),
        t.Plan, Plans.Quotas[t.Plan], t.RetentionDays, t.MinimumLevel, t.Version, HotWindowMinutes: t.HotWindowMinutes);

    public static ApiKeyConfig ToConfig(ApiKey k, int version) => new(k.Id, k.TenantId, k.Name, k.Role.ToString().ToLowerInvariant(),
        k.Scopes, k.ExpiresAt, k.Salt, k.Hash, k.Status == ApiKeyStatus.Revoked, version);

    public static ApiKeyConfig ToConfig(ApiKeyRecord k) => new(k.KeyId, k.TenantId, k.Name, k.Role.ToString().ToLowerInvariant(),
        k.Scopes, k.ExpiresAt, k.Salt, k.Hash, k.RevokedAt is not null, k.Version);

    public static OutboxMessage Message<T>(string type, string tenant, T payload) =>
        new(Topics.PlatformConfig, type, tenant, JsonSerializer.SerializeToUtf8Bytes(payload, EventTypeRegistry.Json));
}
