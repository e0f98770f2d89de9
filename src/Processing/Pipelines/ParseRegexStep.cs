using System.Text.RegularExpressions;

namespace Processing.Pipelines;

/// <summary>
/// parse(regex): each named group of a match becomes the field of its name — a well-known field (level, timestamp,
/// message, service, host, traceId, spanId; level and timestamp normalised) or else an attribute. Groups that did not
/// take part or captured nothing set nothing; a value that does not match leaves the record as it is.
/// </summary>
sealed class ParseRegexStep : PipelineStep
{
    readonly RecordField _source;
    readonly Regex _regex;
    readonly (int Number, RecordField Field)[] _groups;

    public ParseRegexStep(string name, RecordField source, Regex regex) : base(name)
    {
        _source = source;
        _regex = regex;
        _groups = [.. regex.GetGroupNames()
            .Where(group => !group.All(char.IsAsciiDigit))
            .Select(group => (regex.GroupNumberFromName(group), RecordField.For(group)))];
    }

    public override bool MaySetLevel => _groups.Any(group => group.Field.IsLevel);

    public override string? Apply(RecordDraft draft)
    {
        if (_source.Get(draft) is not { } text) return null;
        var match = _regex.Match(text);
        if (!match.Success) return null;
        foreach (var (number, field) in _groups)
        {
            var group = match.Groups[number];
            if (group.Length > 0) field.Set(draft, group.ValueSpan);
        }
        return null;
    }
}
