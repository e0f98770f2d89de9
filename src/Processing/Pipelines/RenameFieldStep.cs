namespace Processing.Pipelines;

/// <summary>rename: moves a value from one field to another, replacing what the target held; nothing happens when the source is absent.</summary>
sealed class RenameFieldStep(string name, RecordField from, RecordField to) : PipelineStep(name)
{
    // Renaming the level away resets it to Info, so either end can change it.
    public override bool MaySetLevel => from.IsLevel || to.IsLevel;

    public override string? Apply(RecordDraft draft)
    {
        if (from.Get(draft) is not { } value) return null;
        from.Remove(draft);
        to.Set(draft, value);
        return null;
    }
}
