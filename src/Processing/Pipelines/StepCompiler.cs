using System.Text.RegularExpressions;
using Contracts.Config;
using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Processing.Pipelines;

/// <summary>
/// Turns each stage of a definition into its compiled step. Tenancy validated the definition, so a failure here means
/// a definition this version does not understand (a newer format, say) and is reported as an exception.
/// </summary>
static class StepCompiler
{
    const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    /// <summary>"stages[2] drop_if", or with the format for a parse stage: "stages[0] parse(regex)".</summary>
    public static string NameOf(PipelineStage stage, int index) => stage switch
    {
        ParseStage s => $"stages[{index}] parse({s.Format})",
        SetFieldStage => $"stages[{index}] set",
        RenameFieldStage => $"stages[{index}] rename",
        DropFieldStage => $"stages[{index}] drop_field",
        DropIfStage => $"stages[{index}] drop_if",
        RedactStage => $"stages[{index}] redact",
        StaticLabelsStage => $"stages[{index}] labels",
        _ => $"stages[{index}] {stage.GetType().Name}",
    };

    /// <exception cref="ArgumentException">A pattern does not compile or a value is not one this version knows.</exception>
    /// <exception cref="NotSupportedException">The stage type or parse format is unknown to this version.</exception>
    public static PipelineStep Compile(PipelineStage stage, string name, PipelineOptions options) => stage switch
    {
        ParseStage s => Parse(s, name, options),
        SetFieldStage s => new SetFieldStep(name, RecordField.For(Required(s.Field, "field")), s.Value ?? ""),
        RenameFieldStage s => new RenameFieldStep(name, RecordField.For(Required(s.From, "from")), RecordField.For(Required(s.To, "to"))),
        DropFieldStage s => new DropFieldStep(name, RecordField.For(Required(s.Field, "field"))),
        DropIfStage s => DropIf(s, name, options),
        RedactStage s => Redact(s, name, options),
        StaticLabelsStage s => new StaticLabelsStep(name, s.Labels?.ToArray() ?? []),
        _ => throw new NotSupportedException($"{stage.GetType().Name} stages are not supported by this version of Processing"),
    };

    static PipelineStep Parse(ParseStage stage, string name, PipelineOptions options)
    {
        var source = RecordField.For(stage.Field ?? "message");
        return stage.Format switch
        {
            "json" => new ParseJsonStep(name, source),
            "logfmt" => new ParseLogfmtStep(name, source),
            "regex" => new ParseRegexStep(name, source, Regex(Required(stage.Pattern, "pattern"), options)),
            _ => throw new NotSupportedException($"parse format '{stage.Format}' is not supported by this version of Processing"),
        };
    }

    static PipelineStep DropIf(DropIfStage stage, string name, PipelineOptions options)
    {
        LogLevel? below = null;
        if (stage.LevelBelow is { } text)
            below = LogLevels.TryNormalize(text, out var level) ? level : throw new ArgumentException($"levelBelow '{text}' is not a level");
        if (below is null && stage.Matches is null) throw new ArgumentException("drop_if needs levelBelow, or field with matches");
        var matches = stage.Matches is { } pattern ? Regex(pattern, options) : null;
        return new DropIfStep(name, below, RecordField.For(matches is null ? "" : Required(stage.Field, "field")), matches);
    }

    static PipelineStep Redact(RedactStage stage, string name, PipelineOptions options)
    {
        var kinds = PiiKinds.None;
        Regex? custom = null;
        foreach (var kind in stage.Kinds ?? [])
        {
            kinds |= kind switch
            {
                "email" => PiiKinds.Email,
                "ipv4" => PiiKinds.Ipv4,
                "credit_card" => PiiKinds.CreditCard,
                "custom" => PiiKinds.None,
                _ => throw new NotSupportedException($"redaction kind '{kind}' is not supported by this version of Processing"),
            };
            if (kind == "custom") custom = Regex(Required(stage.Pattern, "pattern"), options);
        }
        return new RedactStep(name, kinds, custom, stage.Replacement ?? "[REDACTED]");
    }

    static Regex Regex(string pattern, PipelineOptions options) => new(pattern, Options, options.MatchTimeout);

    static string Required(string? value, string field) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"{field} is required") : value;
}
