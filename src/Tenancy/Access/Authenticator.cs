using System.Security.Cryptography;
using System.Text;
using BuildingBlocks.TenantConfig;
using Tenancy.ApiKeys;
using Tenancy.Storage;

namespace Tenancy.Access;

/// <summary>
/// Turns a presented key (Authorization: Bearer, or X-API-Key) into a <see cref="Caller"/>: the platform operator key
/// from configuration, or a tenant key checked against its salted hash, revocation and expiry.
/// </summary>
public sealed class Authenticator(Documents documents, IConfiguration configuration, TimeProvider clock)
{
    readonly byte[]? operatorKey = configuration["Platform:OperatorKey"] is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    public async Task<Caller?> AuthenticateAsync(HttpContext context)
    {
        if (PresentedKey(context.Request) is not { } secret) return null;
        if (operatorKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), operatorKey))
            return Caller.Operator;
        if (ApiKeySecret.KeyIdOf(secret) is not { } keyId) return null;

        var key = await documents.GetAsync<ApiKeyRecord>(ApiKeyProjection.Table, keyId, context.RequestAborted);
        if (key is null || key.RevokedAt is not null || key.ExpiresAt <= clock.GetUtcNow()) return null;
        return ApiKeySecret.Matches(secret, key.Salt, key.Hash) ? Caller.ForKey(key.KeyId, key.TenantId, key.Role, key.Scopes) : null;
    }

    static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization[7..].Trim();
        return request.Headers["X-API-Key"].ToString() is { Length: > 0 } key ? key : null;
    }
}
