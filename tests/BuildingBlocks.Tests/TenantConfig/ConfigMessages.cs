using System.Text.Json;
using BuildingBlocks.EventStore;
using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;

namespace BuildingBlocks.Tests.TenantConfig;

// Inside the namespace: here the name TenantConfig would otherwise mean a namespace, not the contract record.
using Contracts.Config;

/// <summary>Configuration messages as Tenancy publishes them: whole entity states, serialized into envelopes.</summary>
static class ConfigMessages
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TenantConfig Tenant(string tenantId, int version, string displayName = "Acme", string status = "active") =>
        new(tenantId, displayName, status, "free", new PlanQuotas(1_000_000, 1_000_000, 1_000, 7), 7, "trace", version);

    /// <summary>A key with a real salted hash, and the secret that matches it.</summary>
    public static (ApiKeyConfig Key, string Secret) Key(string tenantId, int version = 1, string role = "admin", DateTimeOffset? expiresAt = null)
    {
        var keyId = ApiKeySecret.NewKeyId();
        var (secret, salt, hash) = ApiKeySecret.Generate(keyId);
        return (new ApiKeyConfig(keyId, tenantId, "ci", role, ["ingest", "query"], expiresAt, salt, hash, false, version), secret);
    }

    /// <summary>The same key after a rotation: a new secret, salt and hash, one version later.</summary>
    public static (ApiKeyConfig Key, string Secret) Rotated(ApiKeyConfig key)
    {
        var (secret, salt, hash) = ApiKeySecret.Generate(key.KeyId);
        return (key with { Salt = salt, Hash = hash, Version = key.Version + 1 }, secret);
    }

    public static ApiKeyConfig Revoked(ApiKeyConfig key) => key with { Revoked = true, Version = key.Version + 1 };

    public static PipelineConfig Pipeline(string tenantId, int version, params PipelineStage[] stages) => new(tenantId, version, stages, version);

    public static AlertRuleConfig Rule(string tenantId, string ruleId, int version, bool deleted = false) =>
        new(tenantId, ruleId, "errors " + ruleId, "level=ERROR | count", "5m", new AlertThreshold("gt", 10), "warning",
            [new AlertChannel("webhook", "https://hooks.example/" + ruleId)], Enabled: true, deleted, version);

    public static Envelope EnvelopeOf(object message)
    {
        var (type, tenant) = message switch
        {
            TenantConfig t => (ConfigMessageTypes.TenantChanged, t.TenantId),
            ApiKeyConfig k => (ConfigMessageTypes.ApiKeyChanged, k.TenantId),
            PipelineConfig p => (ConfigMessageTypes.PipelineChanged, p.TenantId),
            AlertRuleConfig r => (ConfigMessageTypes.AlertRuleChanged, r.TenantId),
            _ => throw new ArgumentException(message.GetType().Name),
        };
        // Written with Tenancy's own settings, so every test also shows the reader's settings fit the writer's.
        return Envelope.Create(type, tenant, JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), EventTypeRegistry.Json));
    }

    public static ConfigApplyResult Apply(this TenantConfigCache cache, object message) => cache.Apply(EnvelopeOf(message));

    public static ConfigSnapshot Snapshot(params object[] entries) => new(
        [.. entries.OfType<TenantConfig>()], [.. entries.OfType<ApiKeyConfig>()], [.. entries.OfType<PipelineConfig>()], [.. entries.OfType<AlertRuleConfig>()]);
}
