namespace Processing.Pipelines;

/// <summary>set: gives a field a fixed value (a level or timestamp is normalised, see <see cref="RecordField"/>).</summary>
sealed class SetFieldStep(string name, RecordField target, string value) : PipelineStep(name)
{
    public override bool MaySetLevel => target.IsLevel;

    public override string? Apply(RecordDraft draft)
    {
        target.Set(draft, value);
        return null;
    }
}
