using System.Diagnostics.CodeAnalysis;
using Contracts.Logs;

namespace Processing.Pipelines;

/// <summary>What became of a record; 0 is none of them, so a default <see cref="PipelineOutcome"/> claims nothing.</summary>
public enum PipelineOutcomeKind : byte
{
    Kept = 1,
    Dropped = 2,
    Failed = 3,
}

/// <summary>
/// What <see cref="CompiledPipeline.Run(LogRecord)"/> made of one record: kept (with the processed record), dropped
/// (with why), or failed (with the error and the stage that threw; the caller dead-letters the original record).
/// </summary>
/// <remarks>
/// A struct rather than three records because one is returned per log line: the outcome itself costs no allocation.
/// Exactly one of <see cref="Record"/>, <see cref="Reason"/> and <see cref="Error"/> is set, matching <see cref="Kind"/>.
/// </remarks>
public readonly struct PipelineOutcome
{
    PipelineOutcome(PipelineOutcomeKind kind, int pipelineVersion, LogRecord? record, string? reason, Exception? error, string? stage,
        int redactions, bool truncated, TimeSpan elapsed)
    {
        Kind = kind;
        PipelineVersion = pipelineVersion;
        Record = record;
        Reason = reason;
        Error = error;
        Stage = stage;
        Redactions = redactions;
        Truncated = truncated;
        Elapsed = elapsed;
    }

    public PipelineOutcomeKind Kind { get; }

    /// <summary>The version of the pipeline that ran (also written into a kept record, see <see cref="CompiledPipeline.VersionAttribute"/>).</summary>
    public int PipelineVersion { get; }

    /// <summary>The processed record when kept.</summary>
    public LogRecord? Record { get; }

    /// <summary>Why the record was dropped, e.g. "stages[2] drop_if: level below warn".</summary>
    public string? Reason { get; }

    /// <summary>What a stage threw (a <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/>, for one).</summary>
    public Exception? Error { get; }

    /// <summary>The stage that threw, as the pipeline definition names it: "stages[0] parse(regex)".</summary>
    public string? Stage { get; }

    /// <summary>How many values (emails, addresses, card numbers, custom matches) redact stages replaced in this record.</summary>
    public int Redactions { get; }

    /// <summary>Whether a value was cut to its limit (the kept record says which, see <see cref="CompiledPipeline.TruncatedAttribute"/>).</summary>
    public bool Truncated { get; }

    /// <summary>Time spent on this record, for a stage-latency histogram (one clock read at each end, not one per stage).</summary>
    public TimeSpan Elapsed { get; }

    [MemberNotNullWhen(true, nameof(Record))]
    public bool IsKept => Kind == PipelineOutcomeKind.Kept;

    [MemberNotNullWhen(true, nameof(Reason))]
    public bool IsDropped => Kind == PipelineOutcomeKind.Dropped;

    [MemberNotNullWhen(true, nameof(Error), nameof(Stage))]
    public bool IsFailed => Kind == PipelineOutcomeKind.Failed;

    public static PipelineOutcome Kept(LogRecord record, int pipelineVersion, int redactions, bool truncated, TimeSpan elapsed) =>
        new(PipelineOutcomeKind.Kept, pipelineVersion, record, null, null, null, redactions, truncated, elapsed);

    public static PipelineOutcome Dropped(string reason, int pipelineVersion, int redactions, TimeSpan elapsed) =>
        new(PipelineOutcomeKind.Dropped, pipelineVersion, null, reason, null, null, redactions, false, elapsed);

    public static PipelineOutcome Failed(Exception error, string stage, int pipelineVersion, TimeSpan elapsed) =>
        new(PipelineOutcomeKind.Failed, pipelineVersion, null, null, error, stage, 0, false, elapsed);

    public override string ToString() => Kind switch
    {
        PipelineOutcomeKind.Kept => $"kept (pipeline v{PipelineVersion}, {Redactions} redaction(s))",
        PipelineOutcomeKind.Dropped => $"dropped: {Reason}",
        PipelineOutcomeKind.Failed => $"failed in {Stage}: {Error!.GetType().Name}: {Error.Message}",
        _ => "no outcome",
    };
}
