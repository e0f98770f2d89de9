using System.Diagnostics;
using System.Globalization;
using Contracts.Config;
using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Pipelines;

/// <summary>
/// A tenant's pipeline, compiled once per (tenant, <see cref="PipelineConfig.PipelineVersion"/>) and then run on every
/// record of that tenant, from any number of threads. Pure: no I/O, no clock but the latency reading.
/// </summary>
/// <remarks>
/// <para><see cref="Run(LogRecord)"/> never throws: a stage that throws — a regex that hits its match timeout, for
/// one — fails only that record, and the caller dead-letters it and carries on with the batch.</para>
/// <para>After the stages, every kept record gets two attributes of its own: <see cref="VersionAttribute"/> ("3"), the
/// pipeline version that processed it, written last so no stage or sender can claim another; and, when a value was
/// over its limit (<see cref="PipelineOptions"/>) and was cut, <see cref="TruncatedAttribute"/> listing what was cut
/// ("message,attributes.http.body"). Cutting happens after redaction, so it cannot split a secret into a part the
/// scanner no longer recognises.</para>
/// <para>The tenant's minimum level drops records below it. It is checked right after the last stage that can change
/// the level (a parse, or a set, rename or drop of the level), so a line a parse raises to ERROR is kept, while a
/// record no stage can lift is dropped before the costly stages (redaction) run.</para>
/// </remarks>
public sealed class CompiledPipeline
{
    public const string VersionAttribute = "pipeline.version";
    public const string TruncatedAttribute = "pipeline.truncated";
    const string WholePipeline = "pipeline";

    static readonly string[] BelowMinimum = [.. Enum.GetValues<LogLevel>().Select(level => $"level below the tenant's minimum {RecordField.NameOf(level)}")];

    readonly PipelineStep[] _steps;
    readonly int _levelSettled;
    readonly string _versionText;
    readonly PipelineOptions _options;
    readonly (Exception Error, string Stage)? _broken;

    CompiledPipeline(string tenantId, int version, PipelineStep[] steps, PipelineOptions options, LogLevel minimumLevel, (Exception, string)? broken)
    {
        TenantId = tenantId;
        Version = version;
        _steps = steps;
        _options = options;
        _broken = broken;
        MinimumLevel = minimumLevel;
        _versionText = version.ToString(CultureInfo.InvariantCulture);
        _levelSettled = Array.FindLastIndex(steps, step => step.MaySetLevel) + 1;
    }

    public string TenantId { get; }

    /// <summary>The <see cref="PipelineConfig.PipelineVersion"/> compiled; 0 for a tenant without a pipeline.</summary>
    public int Version { get; }

    /// <summary>The level below which <see cref="Run(LogRecord)"/> drops records (Trace: none).</summary>
    public LogLevel MinimumLevel { get; }

    /// <summary>Why this pipeline fails every record, when its definition could not be compiled; null when it is sound.</summary>
    public string? Problem => _broken is { } broken ? $"{broken.Stage}: {broken.Error.Message}" : null;

    /// <summary>
    /// Compiles every stage, regexes included. Does not throw for a definition it cannot compile (a newer format, a bad
    /// pattern that got past validation): that pipeline fails every record at the bad stage, so its records go to the
    /// dead-letter topic like any other failure and can be replayed once fixed; <see cref="Problem"/> says why.
    /// </summary>
    public static CompiledPipeline Compile(PipelineConfig config, PipelineOptions? options = null, LogLevel minimumLevel = LogLevel.Trace)
    {
        options ??= PipelineOptions.Default;
        var stages = config.Stages ?? [];
        var steps = new PipelineStep[stages.Count];
        for (var i = 0; i < steps.Length; i++)
        {
            var name = StepCompiler.NameOf(stages[i], i);
            try
            {
                steps[i] = StepCompiler.Compile(stages[i], name, options);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                return new CompiledPipeline(config.TenantId, config.PipelineVersion, [], options, minimumLevel, (e, name));
            }
        }
        return new CompiledPipeline(config.TenantId, config.PipelineVersion, steps, options, minimumLevel, null);
    }

    /// <summary>What a tenant that never defined a pipeline gets: version 0, no stages, only the limits and the minimum level.</summary>
    public static CompiledPipeline None(string tenantId, PipelineOptions? options = null, LogLevel minimumLevel = LogLevel.Trace) =>
        Compile(new PipelineConfig(tenantId, 0, [], 0), options, minimumLevel);

    /// <summary>The same compiled stages with another minimum level: the tenant's level changes without a recompile.</summary>
    public CompiledPipeline WithMinimumLevel(LogLevel minimumLevel) => minimumLevel == MinimumLevel ? this
        : new CompiledPipeline(TenantId, Version, _steps, _options, minimumLevel, _broken);

    public PipelineOutcome Run(LogRecord record) => Run(record, MinimumLevel);

    public PipelineOutcome Run(LogRecord record, LogLevel minimumLevel)
    {
        var started = Stopwatch.GetTimestamp();
        if (_broken is { } broken) return PipelineOutcome.Failed(broken.Error, broken.Stage, Version, Stopwatch.GetElapsedTime(started));
        if (!string.Equals(record.Tenant, TenantId, StringComparison.Ordinal))
            return PipelineOutcome.Failed(new ArgumentException($"a record of tenant '{record.Tenant}' was given to the pipeline of tenant '{TenantId}'",
                nameof(record)), WholePipeline, Version, Stopwatch.GetElapsedTime(started));

        var draft = RecordDraft.ForCurrentThread();
        var current = -1;
        try
        {
            draft.Load(record);
            for (current = 0; current <= _steps.Length; current++)
            {
                if (current == _levelSettled && draft.Level < minimumLevel)
                    return PipelineOutcome.Dropped(BelowMinimum[(int)minimumLevel], Version, draft.Redactions, Stopwatch.GetElapsedTime(started));
                if (current == _steps.Length) break;
                if (_steps[current].Apply(draft) is { } reason)
                    return PipelineOutcome.Dropped(reason, Version, draft.Redactions, Stopwatch.GetElapsedTime(started));
            }
            draft.Truncate(_options);
            var processed = draft.Build(_versionText);
            return PipelineOutcome.Kept(processed, Version, draft.Redactions, draft.WasTruncated, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e)
        {
            // Not swallowed: the outcome carries it to the caller, which dead-letters the record with it.
            var stage = current >= 0 && current < _steps.Length ? _steps[current].Name : WholePipeline;
            return PipelineOutcome.Failed(e, stage, Version, Stopwatch.GetElapsedTime(started));
        }
    }
}
