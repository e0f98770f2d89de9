using System.Collections.Concurrent;
using BuildingBlocks.TenantConfig;
using Contracts.Logs;
using Processing.Pipelines;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Consuming;

/// <summary>
/// Each tenant's pipeline, compiled once per version from the config cache: a change published by Tenancy is
/// picked up by the next batch, with no restart.
/// </summary>
public sealed class TenantPipelines(TenantConfigCache cache, PipelineOptions options)
{
    readonly ConcurrentDictionary<string, CompiledPipeline> compiled = new();

    /// <summary>Whether the configuration has loaded: before that every tenant would look unconfigured (no redaction).</summary>
    public bool IsReady => cache.IsReady;

    public CompiledPipeline For(string tenantId)
    {
        var config = cache.Pipeline(tenantId);
        var minimum = cache.Tenant(tenantId)?.MinimumLevel is { } level ? LogLevels.Normalize(level) : LogLevel.Trace;
        if (compiled.TryGetValue(tenantId, out var current) && current.Version == (config?.PipelineVersion ?? 0))
            return current.WithMinimumLevel(minimum);
        var fresh = config is null ? CompiledPipeline.None(tenantId, options, minimum) : CompiledPipeline.Compile(config, options, minimum);
        compiled[tenantId] = fresh;
        return fresh;
    }
}
