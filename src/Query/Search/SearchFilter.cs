namespace Query.Search;

/// <summary>
/// What a search asks for: every field match and every text match must hold (a conjunction). Text matches whole
/// tokens of the message, case-insensitively for ASCII letters; a field match compares the whole value exactly
/// (level case-insensitively).
/// </summary>
public sealed record SearchFilter(IReadOnlyList<FieldMatch> Fields, IReadOnlyList<string> Texts)
{
    public static readonly SearchFilter Everything = new([], []);
}

public sealed record FieldMatch(string Field, string Value);
