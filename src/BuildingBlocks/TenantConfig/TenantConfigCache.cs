using BuildingBlocks.Messaging;

namespace BuildingBlocks.TenantConfig;

// Inside the namespace: here the name TenantConfig would otherwise mean this very namespace, not the contract record.
using Contracts.Config;

public enum ConfigApplyResult { Applied, Stale, UnknownType }

/// <summary>
/// The platform configuration as this process last heard it from Tenancy. Every entity keeps the highest version seen,
/// so the snapshot and the topic may overlap, replay and arrive in any order without harm. Reads are lock-free: they
/// use one immutable state, which writers (the topic consumer and the snapshot load) replace under a lock.
/// </summary>
public sealed class TenantConfigCache(TimeProvider clock)
{
    readonly Lock writeLock = new();
    readonly VerifiedSecrets verifiedSecrets = new(clock);
    ConfigState state = ConfigState.Empty;
    long revision;
    volatile bool ready;

    /// <summary>Raised after every change, on the thread that applied it; handlers should be quick and must not throw.</summary>
    public event Action? Changed;

    /// <summary>True once a snapshot has been loaded: from then on the cache is complete, not just what the topic replayed.</summary>
    public bool IsReady => ready;

    /// <summary>Counts applied changes; a reader can compare it to the value it last acted on.</summary>
    public long Revision => Interlocked.Read(ref revision);

    ConfigState Current => Volatile.Read(ref state);

    public int TenantCount => Current.Tenants.Count;

    public TenantConfig? Tenant(string tenantId) => Current.Tenants.GetValueOrDefault(tenantId);

    /// <summary>Every tenant the cache knows, deleted ones included.</summary>
    public IEnumerable<TenantConfig> Tenants => Current.Tenants.Values;

    public PipelineConfig? Pipeline(string tenantId) => Current.Pipelines.GetValueOrDefault(tenantId);

    /// <summary>The tenant's rules that are not deleted, disabled ones included, ordered by rule id.</summary>
    public IReadOnlyList<AlertRuleConfig> AlertRules(string tenantId) => Current.LiveRulesByTenant.GetValueOrDefault(tenantId) ?? [];

    /// <summary>Every tenant's rules that are not deleted, ordered by tenant then rule id.</summary>
    public IReadOnlyList<AlertRuleConfig> AllAlertRules => Current.AllLiveRules;

    /// <summary>
    /// Checks a presented secret against the key it names. The secret is verified before anything about the key is
    /// revealed; revocation and expiry are judged on the current state at every call, so they take effect at once.
    /// </summary>
    public KeyLookup AuthenticateKey(string? presentedSecret)
    {
        if (ApiKeySecret.KeyIdOf(presentedSecret) is not { } keyId) return KeyLookup.Unknown;
        if (!Current.Keys.TryGetValue(keyId, out var key) || !verifiedSecrets.Matches(presentedSecret!, key)) return KeyLookup.Unknown;
        // A role this build does not know (a newer Tenancy) grants nothing rather than guessing.
        if (!Enum.TryParse<ApiKeyRole>(key.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role)) return KeyLookup.Unknown;

        var status = key.Revoked ? KeyStatus.Revoked
            : key.ExpiresAt is { } expiresAt && expiresAt <= clock.GetUtcNow() ? KeyStatus.Expired
            : KeyStatus.Valid;
        return new KeyLookup(status, key.KeyId, key.TenantId, role, key.Scopes ?? []);
    }

    /// <summary>Applies one platform.config message.</summary>
    /// <exception cref="System.Text.Json.JsonException">The payload is unreadable; the cache is unchanged.</exception>
    public ConfigApplyResult Apply(Envelope envelope)
    {
        if (ConfigMessageReader.Read(envelope) is not { } message) return ConfigApplyResult.UnknownType;
        bool applied;
        lock (writeLock)
        {
            var next = Current.ToBuilder();
            applied = next.TryApply(message);
            if (applied) Publish(next.ToState(), changes: 1);
        }
        (applied ? TenantConfigMetrics.Applied : TenantConfigMetrics.Stale).Add(1, TenantConfigMetrics.Type(envelope.Type));
        if (!applied) return ConfigApplyResult.Stale;
        Changed?.Invoke();
        return ConfigApplyResult.Applied;
    }

    /// <summary>Merges a snapshot (entries older than what the topic already delivered are skipped) and marks the cache ready.</summary>
    /// <returns>How many entries were newer than what the cache held.</returns>
    /// <exception cref="System.Text.Json.JsonException">An entry lacks an id; the cache is unchanged.</exception>
    public int Load(ConfigSnapshot snapshot)
    {
        snapshot = ConfigMessageReader.Check(snapshot);
        var applied = 0;
        lock (writeLock)
        {
            var next = Current.ToBuilder();
            foreach (var entry in ConfigMessageReader.Entries(snapshot))
                if (next.TryApply(entry)) applied++;
            Publish(next.ToState(), applied);
            ready = true;
        }
        TenantConfigMetrics.SnapshotLoads.Add(1);
        Changed?.Invoke();
        return applied;
    }

    void Publish(ConfigState next, int changes)
    {
        Volatile.Write(ref state, next);
        Interlocked.Add(ref revision, changes);
    }
}
