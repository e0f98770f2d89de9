namespace Processing.Pipelines;

/// <summary>The limits every compiled pipeline enforces, whatever the tenant configured.</summary>
public sealed record PipelineOptions
{
    public static readonly PipelineOptions Default = new();

    /// <summary>
    /// How long one regex match (a parse, drop_if or custom redaction pattern on one value) may run before the record
    /// fails. Tenancy refuses patterns that backtrack on its samples, but a sample is not every input: this bound keeps
    /// one pathological line from stalling its partition.
    /// </summary>
    public TimeSpan MatchTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Largest message kept, in UTF-8 bytes (intake's own limit, so only a stage can exceed it).</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;

    /// <summary>Largest attribute value kept, in UTF-8 bytes.</summary>
    public int MaxAttributeValueBytes { get; init; } = 16 * 1024;
}
