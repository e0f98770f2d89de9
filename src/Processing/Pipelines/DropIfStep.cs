using System.Text.RegularExpressions;
using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Pipelines;

/// <summary>drop_if: drops a record whose level is below a threshold, or whose field matches a pattern; with both, either drops it. An absent field matches nothing.</summary>
sealed class DropIfStep : PipelineStep
{
    readonly LogLevel? _levelBelow;
    readonly RecordField _field;
    readonly Regex? _matches;
    readonly string _levelReason;
    readonly string _matchReason;

    public DropIfStep(string name, LogLevel? levelBelow, RecordField field, Regex? matches) : base(name)
    {
        _levelBelow = levelBelow;
        _field = field;
        _matches = matches;
        // Built once: a drop reason is returned for every dropped line.
        _levelReason = levelBelow is { } level ? $"{name}: level below {RecordField.NameOf(level)}" : "";
        _matchReason = matches is not null ? $"{name}: {field.Name} matches {matches}" : "";
    }

    public override string? Apply(RecordDraft draft)
    {
        if (_levelBelow is { } level && draft.Level < level) return _levelReason;
        if (_matches is not null && _field.Get(draft) is { } value && _matches.IsMatch(value)) return _matchReason;
        return null;
    }
}
