namespace Processing.Pipelines;

/// <summary>One compiled stage. Immutable and shared by every thread that runs the pipeline; all per-record state is in the draft.</summary>
abstract class PipelineStep(string name)
{
    /// <summary>The stage as the definition names it, e.g. "stages[2] drop_if", for drop reasons and failures.</summary>
    public string Name { get; } = name;

    /// <summary>Whether this stage can change the record's level, which decides where the minimum-level check can run.</summary>
    public virtual bool MaySetLevel => false;

    /// <summary>Edits the draft; returns why the record is dropped, or null to go on.</summary>
    public abstract string? Apply(RecordDraft draft);
}
