using System.Diagnostics.CodeAnalysis;

namespace BuildingBlocks.TenantConfig;

public enum KeyStatus
{
    /// <summary>Not one of our keys, no such key, or the secret does not match: a guesser learns nothing more.</summary>
    Unknown,
    Revoked,
    Expired,
    Valid,
}

/// <summary>
/// What a presented API key turned out to be. Only a presenter who knows the secret learns that it is revoked or
/// expired (and whose it is); those outcomes carry the key so a refusal can be logged and explained.
/// </summary>
public sealed record KeyLookup(KeyStatus Status, string? KeyId, string? TenantId, ApiKeyRole? Role, IReadOnlyList<string> Scopes)
{
    public static readonly KeyLookup Unknown = new(KeyStatus.Unknown, null, null, null, []);

    [MemberNotNullWhen(true, nameof(KeyId), nameof(TenantId), nameof(Role))]
    public bool IsValid => Status == KeyStatus.Valid;

    public bool HasScope(string scope) => IsValid && Scopes.Contains(scope, StringComparer.Ordinal);
}
