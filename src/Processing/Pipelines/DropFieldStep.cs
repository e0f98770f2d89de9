namespace Processing.Pipelines;

/// <summary>drop_field: removes a field (see <see cref="RecordField.Remove"/> for what that means for well-known ones).</summary>
sealed class DropFieldStep(string name, RecordField target) : PipelineStep(name)
{
    public override bool MaySetLevel => target.IsLevel;

    public override string? Apply(RecordDraft draft)
    {
        target.Remove(draft);
        return null;
    }
}
