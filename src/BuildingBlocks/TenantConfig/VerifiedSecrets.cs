using System.Collections.Concurrent;

namespace BuildingBlocks.TenantConfig;

// Inside the namespace: here the name TenantConfig would otherwise mean this very namespace, not the contract record.
using Contracts.Config;

/// <summary>
/// Remembers, for a short while, that a presented secret matched a key's salt and hash, so a busy key costs one HMAC
/// per <see cref="Lifetime"/> rather than one per request. What is remembered is only the answer of
/// <see cref="ApiKeySecret.Matches"/> for that exact salt and hash: a rotation gives the key a new salt and hash, so
/// the old secret is checked afresh (and refused) on its next use. Revocation and expiry are never remembered; the
/// caller checks them on the current key every time. Only matches are kept, so unknown secrets cannot fill it.
/// </summary>
sealed class VerifiedSecrets(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // Far above the keys one process sees within a lifetime; the bound only matters if that assumption breaks.
    const int Capacity = 10_000;

    sealed record Match(string Salt, string Hash, long VerifiedAt);

    readonly ConcurrentDictionary<string, Match> matches = new(StringComparer.Ordinal);

    public bool Matches(string secret, ApiKeyConfig key)
    {
        var now = clock.GetTimestamp();
        if (matches.TryGetValue(secret, out var known) && known.Salt == key.Salt && known.Hash == key.Hash
            && clock.GetElapsedTime(known.VerifiedAt, now) < Lifetime)
            return true;

        if (!ApiKeySecret.Matches(secret, key.Salt, key.Hash))
        {
            matches.TryRemove(secret, out _);
            return false;
        }
        if (matches.Count >= Capacity) matches.Clear();
        matches[secret] = new Match(key.Salt, key.Hash, now);
        return true;
    }
}
