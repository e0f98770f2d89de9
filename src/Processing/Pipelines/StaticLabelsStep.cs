namespace Processing.Pipelines;

/// <summary>labels: sets fixed attributes, replacing values of the same names.</summary>
sealed class StaticLabelsStep(string name, KeyValuePair<string, string>[] labels) : PipelineStep(name)
{
    public override string? Apply(RecordDraft draft)
    {
        foreach (var (key, value) in labels) draft.Attributes.Set(key, value);
        return null;
    }
}
