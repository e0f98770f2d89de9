using BuildingBlocks.TenantConfig;

namespace Tenancy.ApiKeys;

public interface IApiKeyEvent;

public sealed record ApiKeyIssued(string KeyId, string TenantId, string Name, ApiKeyRole Role, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt, string Salt, string Hash) : IApiKeyEvent;
public sealed record ApiKeyRevoked(string KeyId) : IApiKeyEvent;
public sealed record ApiKeyRotated(string KeyId, string Salt, string Hash) : IApiKeyEvent;

public static class ApiKeyStream
{
    public static string For(string tenantId, string keyId) => $"{tenantId}:apikey:{keyId}";
}
