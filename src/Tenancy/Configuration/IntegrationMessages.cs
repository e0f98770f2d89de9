using System.Text.Json;
using BuildingBlocks.EventStore;
using Contracts;
using Contracts.Config;
using Tenancy.ApiKeys;
using Tenancy.Tenants;

namespace Tenancy.Configuration;

/// <summary>The platform.config messages a new state publishes through the outbox.</summary>
static class IntegrationMessages
{
    public static IReadOnlyList<OutboxMessage> ForTenant(Tenant t, int version) =>
        [Message(ConfigMessageTypes.TenantChanged, t.Id, ToConfig(t, version))];

    public static IReadOnlyList<OutboxMessage> ForKey(ApiKey k, int version) =>
        [Message(ConfigMessageTypes.ApiKeyChanged, k.TenantId, ToConfig(k, version))];

    public static TenantConfig ToConfig(Tenant t, int version) => new(t.Id, t.DisplayName, t.Status.ToString().ToLowerInvariant(),
        t.Plan, Plans.Quotas[t.Plan], t.RetentionDays, t.MinimumLevel, version);

    public static TenantConfig ToConfig(TenantSummary t) => new(t.TenantId, t.DisplayName, t.Status.ToString().ToLowerInvariant(),
        t.Plan, Plans.Quotas[t.Plan], t.RetentionDays, t.MinimumLevel, t.Version);

    public static ApiKeyConfig ToConfig(ApiKey k, int version) => new(k.Id, k.TenantId, k.Name, k.Role.ToString().ToLowerInvariant(),
        k.Scopes, k.ExpiresAt, k.Salt, k.Hash, k.Status == ApiKeyStatus.Revoked, version);

    public static ApiKeyConfig ToConfig(ApiKeyRecord k) => new(k.KeyId, k.TenantId, k.Name, k.Role.ToString().ToLowerInvariant(),
        k.Scopes, k.ExpiresAt, k.Salt, k.Hash, k.RevokedAt is not null, k.Version);

    public static OutboxMessage Message<T>(string type, string tenant, T payload) =>
        new(Topics.PlatformConfig, type, tenant, JsonSerializer.SerializeToUtf8Bytes(payload, EventTypeRegistry.Json));
}
