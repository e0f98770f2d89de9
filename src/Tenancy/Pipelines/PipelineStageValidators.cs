using Contracts.Config;
using FluentValidation;
using FluentValidation.Results;
using Tenancy.Tenants;

namespace Tenancy.Pipelines;

/// <summary>The rules of each stage type. Failures name the stage's own fields; the request validator adds "stages[i].".</summary>
static class PipelineStageValidators
{
    static readonly ParseStageValidator Parse = new();
    static readonly SetFieldStageValidator Set = new();
    static readonly RenameFieldStageValidator Rename = new();
    static readonly DropFieldStageValidator DropField = new();
    static readonly DropIfStageValidator DropIf = new();
    static readonly RedactStageValidator Redact = new();
    static readonly StaticLabelsStageValidator Labels = new();

    public static IEnumerable<ValidationFailure> Check(PipelineStage stage) => stage switch
    {
        ParseStage s => Parse.Validate(s).Errors,
        SetFieldStage s => Set.Validate(s).Errors,
        RenameFieldStage s => Rename.Validate(s).Errors,
        DropFieldStage s => DropField.Validate(s).Errors,
        DropIfStage s => DropIf.Validate(s).Errors,
        RedactStage s => Redact.Validate(s).Errors,
        StaticLabelsStage s => Labels.Validate(s).Errors,
        _ => [new ValidationFailure("type", $"{stage.GetType().Name} stages are not supported yet.")],
    };

    public static IRuleBuilderOptions<T, string?> FieldName<T>(this IRuleBuilder<T, string?> rule, string name) =>
        rule.NotEmpty().WithMessage($"{name} must name a field.")
            .MaximumLength(PipelineRules.MaxFieldNameLength).WithMessage($"{name} must be at most {PipelineRules.MaxFieldNameLength} characters.");

    /// <summary>Refuses a pattern that does not compile or backtracks catastrophically, then one for which <paramref name="also"/> fails.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> SafeRegex<T>(this IRuleBuilder<T, string?> rule,
        Func<string, bool>? also = null, string alsoMessage = "") =>
        rule.Custom((pattern, context) =>
        {
            if (pattern is null) return;
            if (RegexSafety.ProblemWith(pattern) is { } problem) context.AddFailure(problem);
            else if (also is not null && !also(pattern)) context.AddFailure(alsoMessage);
        });
}

sealed class ParseStageValidator : AbstractValidator<ParseStage>
{
    public ParseStageValidator()
    {
        RuleFor(s => s.Format).Must(f => PipelineRules.Formats.Contains(f))
            .WithMessage($"format must be one of: {string.Join(", ", PipelineRules.Formats)}.");
        RuleFor(s => s.Field).FieldName("field").When(s => s.Field is not null);
        RuleFor(s => s.Pattern).NotEmpty().When(s => s.Format == "regex")
            .WithMessage("pattern is required for the regex format: a regular expression with named groups.");
        RuleFor(s => s.Pattern).Null().When(s => s.Format != "regex").WithMessage("pattern is only used by the regex format.");
        RuleFor(s => s.Pattern).SafeRegex(RegexSafety.HasNamedGroup,
                "The pattern needs at least one named group, e.g. (?<level>\\w+): each named group becomes a field.")
            .When(s => s.Format == "regex" && !string.IsNullOrEmpty(s.Pattern));
    }
}

sealed class SetFieldStageValidator : AbstractValidator<SetFieldStage>
{
    public SetFieldStageValidator()
    {
        RuleFor(s => s.Field).FieldName("field");
        RuleFor(s => s.Value).NotNull().WithMessage("value is required.")
            .MaximumLength(PipelineRules.MaxValueLength).WithMessage($"value must be at most {PipelineRules.MaxValueLength} characters.");
    }
}

sealed class RenameFieldStageValidator : AbstractValidator<RenameFieldStage>
{
    public RenameFieldStageValidator()
    {
        RuleFor(s => s.From).FieldName("from");
        RuleFor(s => s.To).FieldName("to");
        RuleFor(s => s.To).NotEqual(s => s.From).When(s => !string.IsNullOrEmpty(s.From)).WithMessage("to must differ from from.");
    }
}

sealed class DropFieldStageValidator : AbstractValidator<DropFieldStage>
{
    public DropFieldStageValidator() => RuleFor(s => s.Field).FieldName("field");
}

/// <summary>Drops a record below a level, or whose field matches a pattern; with both, either condition drops it.</summary>
sealed class DropIfStageValidator : AbstractValidator<DropIfStage>
{
    public DropIfStageValidator()
    {
        RuleFor(s => s.LevelBelow).NotNull().When(s => s.Field is null && s.Matches is null)
            .WithMessage("A drop_if stage needs levelBelow, or field with matches.");
        RuleFor(s => s.LevelBelow).Must(l => TenantRules.Levels.Contains(l)).When(s => s.LevelBelow is not null)
            .WithMessage($"levelBelow must be one of: {string.Join(", ", TenantRules.Levels)}.");
        RuleFor(s => s.Field).FieldName("field").When(s => s.Field is not null || s.Matches is not null);
        RuleFor(s => s.Matches).NotEmpty().When(s => s.Field is not null)
            .WithMessage("matches is required with field: the pattern whose match drops the record.");
        RuleFor(s => s.Matches).SafeRegex().When(s => !string.IsNullOrEmpty(s.Matches));
    }
}

sealed class RedactStageValidator : AbstractValidator<RedactStage>
{
    public RedactStageValidator()
    {
        RuleFor(s => s.Kinds).NotEmpty()
            .WithMessage($"kinds must list what to redact: some of {string.Join(", ", PipelineRules.RedactKinds)}.");
        RuleFor(s => s.Kinds).Must(kinds => kinds.All(k => PipelineRules.RedactKinds.Contains(k))).When(s => s.Kinds is not null)
            .WithMessage($"kinds may only hold: {string.Join(", ", PipelineRules.RedactKinds)}.");
        RuleFor(s => s.Pattern).NotEmpty().When(UsesCustom).WithMessage("pattern is required for the custom kind.");
        RuleFor(s => s.Pattern).Null().When(s => !UsesCustom(s)).WithMessage("pattern is only used by the custom kind.");
        RuleFor(s => s.Pattern).SafeRegex(p => !RegexSafety.MatchesEmpty(p),
                "The pattern must not match an empty string, or the replacement would land between every character.")
            .When(s => UsesCustom(s) && !string.IsNullOrEmpty(s.Pattern));
        RuleFor(s => s.Replacement).NotNull().WithMessage("replacement must be a string.")
            .MaximumLength(PipelineRules.MaxReplacementLength).WithMessage($"replacement must be at most {PipelineRules.MaxReplacementLength} characters.");
    }

    static bool UsesCustom(RedactStage s) => s.Kinds?.Contains("custom") == true;
}

sealed class StaticLabelsStageValidator : AbstractValidator<StaticLabelsStage>
{
    public StaticLabelsStageValidator()
    {
        RuleFor(s => s.Labels).NotEmpty().WithMessage("labels must hold at least one name and value.")
            .Must(labels => labels is null || labels.Count <= PipelineRules.MaxLabels)
            .WithMessage($"labels may hold at most {PipelineRules.MaxLabels} labels.");
        RuleFor(s => s.Labels).Custom((labels, context) =>
        {
            foreach (var (name, value) in labels)
            {
                if (string.IsNullOrWhiteSpace(name) || name.Length > PipelineRules.MaxFieldNameLength)
                    context.AddFailure($"Label names must be 1 to {PipelineRules.MaxFieldNameLength} characters; '{name}' is not.");
                if (value is null || value.Length > PipelineRules.MaxValueLength)
                    context.AddFailure($"The value of label '{name}' must be a string of at most {PipelineRules.MaxValueLength} characters.");
            }
        }).When(s => s.Labels is not null);
    }
}
