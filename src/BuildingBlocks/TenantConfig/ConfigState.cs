using System.Collections.Immutable;

namespace BuildingBlocks.TenantConfig;

// Inside the namespace: here the name TenantConfig would otherwise mean this very namespace, not the contract record.
using Contracts.Config;

/// <summary>
/// One immutable version of everything the cache knows. Readers take the current instance and never lock; a writer
/// builds the next instance and swaps it in. Deleted alert rules stay as tombstones so an older message cannot bring
/// them back; the live rule lists are computed when rules change, because rules are read far more often than written.
/// </summary>
sealed class ConfigState
{
    public static readonly ConfigState Empty = new(
        ImmutableDictionary.Create<string, TenantConfig>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ApiKeyConfig>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, PipelineConfig>(StringComparer.Ordinal),
        ImmutableDictionary<(string TenantId, string RuleId), AlertRuleConfig>.Empty,
        ImmutableDictionary.Create<string, IReadOnlyList<AlertRuleConfig>>(StringComparer.Ordinal),
        []);

    ConfigState(ImmutableDictionary<string, TenantConfig> tenants, ImmutableDictionary<string, ApiKeyConfig> keys,
        ImmutableDictionary<string, PipelineConfig> pipelines, ImmutableDictionary<(string TenantId, string RuleId), AlertRuleConfig> rules,
        ImmutableDictionary<string, IReadOnlyList<AlertRuleConfig>> liveRulesByTenant, IReadOnlyList<AlertRuleConfig> allLiveRules)
    {
        Tenants = tenants;
        Keys = keys;
        Pipelines = pipelines;
        Rules = rules;
        LiveRulesByTenant = liveRulesByTenant;
        AllLiveRules = allLiveRules;
    }

    public ImmutableDictionary<string, TenantConfig> Tenants { get; }
    public ImmutableDictionary<string, ApiKeyConfig> Keys { get; }
    public ImmutableDictionary<string, PipelineConfig> Pipelines { get; }
    public ImmutableDictionary<(string TenantId, string RuleId), AlertRuleConfig> Rules { get; }
    public ImmutableDictionary<string, IReadOnlyList<AlertRuleConfig>> LiveRulesByTenant { get; }
    public IReadOnlyList<AlertRuleConfig> AllLiveRules { get; }

    public Builder ToBuilder() => new(this);

    /// <summary>Collects several changes (a whole snapshot, or one message) into the next state.</summary>
    public sealed class Builder(ConfigState from)
    {
        readonly ImmutableDictionary<string, TenantConfig>.Builder tenants = from.Tenants.ToBuilder();
        readonly ImmutableDictionary<string, ApiKeyConfig>.Builder keys = from.Keys.ToBuilder();
        readonly ImmutableDictionary<string, PipelineConfig>.Builder pipelines = from.Pipelines.ToBuilder();
        readonly ImmutableDictionary<(string TenantId, string RuleId), AlertRuleConfig>.Builder rules = from.Rules.ToBuilder();
        readonly HashSet<string> tenantsWithChangedRules = new(StringComparer.Ordinal);

        /// <summary>Takes the message when it is newer than what is held for its entity; false when it is stale.</summary>
        public bool TryApply(object message) => message switch
        {
            TenantConfig t => Put(tenants, t.TenantId, t, static x => x.Version),
            ApiKeyConfig k => Put(keys, k.KeyId, k, static x => x.Version),
            PipelineConfig p => Put(pipelines, p.TenantId, p, static x => x.Version),
            AlertRuleConfig r => PutRule(r),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a configuration message", nameof(message)),
        };

        public ConfigState ToState()
        {
            var rulesNow = rules.ToImmutable();
            var liveByTenant = from.LiveRulesByTenant;
            var allLive = from.AllLiveRules;
            if (tenantsWithChangedRules.Count > 0)
            {
                var byTenant = liveByTenant.ToBuilder();
                byTenant.RemoveRange(tenantsWithChangedRules);
                foreach (var live in rulesNow.Values.Where(r => !r.Deleted && tenantsWithChangedRules.Contains(r.TenantId)).GroupBy(r => r.TenantId))
                    byTenant[live.Key] = live.OrderBy(r => r.RuleId, StringComparer.Ordinal).ToArray();
                liveByTenant = byTenant.ToImmutable();
                allLive = [.. liveByTenant.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)];
            }
            return new ConfigState(tenants.ToImmutable(), keys.ToImmutable(), pipelines.ToImmutable(), rulesNow, liveByTenant, allLive);
        }

        bool PutRule(AlertRuleConfig rule)
        {
            if (!Put(rules, (rule.TenantId, rule.RuleId), rule, static x => x.Version)) return false;
            tenantsWithChangedRules.Add(rule.TenantId);
            return true;
        }

        static bool Put<TKey, T>(ImmutableDictionary<TKey, T>.Builder map, TKey id, T message, Func<T, int> versionOf) where TKey : notnull
        {
            if (map.TryGetValue(id, out var held) && versionOf(held) >= versionOf(message)) return false;
            map[id] = message;
            return true;
        }
    }
}
