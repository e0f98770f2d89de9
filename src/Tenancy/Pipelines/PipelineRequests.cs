using System.Text.Json;
using Contracts.Config;
using FluentValidation;
using FluentValidation.Results;

namespace Tenancy.Pipelines;

/// <summary>PUT body: the whole pipeline. Stages stay raw JSON until validated, so each bad one is named on its own.</summary>
public sealed record DefinePipelineRequest(IReadOnlyList<JsonElement>? Stages)
{
    /// <summary>The stages as contract records; only for a request the validator accepted.</summary>
    public IReadOnlyList<PipelineStage> ToStages() => [.. Stages!.Select(stage => PipelineStageJson.Read(stage, out _)!)];
}

public static class PipelineRules
{
    public const int MaxStages = 50;
    public const int MaxLabels = 50;
    public const int MaxFieldNameLength = 200;
    public const int MaxValueLength = 1000;
    public const int MaxReplacementLength = 200;
    public static readonly string[] Formats = ["json", "logfmt", "regex"];
    public static readonly string[] RedactKinds = ["email", "ipv4", "credit_card", "custom"];
}

/// <summary>Names every bad field as the client wrote it: "stages[2].pattern".</summary>
public sealed class DefinePipelineValidator : AbstractValidator<DefinePipelineRequest>
{
    public DefinePipelineValidator()
    {
        RuleFor(r => r.Stages).NotNull().WithMessage("stages is required: the ordered list of stages, [] for none.");
        RuleFor(r => r.Stages).Must(stages => stages!.Count <= PipelineRules.MaxStages).When(r => r.Stages is not null)
            .WithMessage($"A pipeline has at most {PipelineRules.MaxStages} stages.");
        // Skipped for an oversized list: each stage may cost a regex check, and the request is refused anyway.
        RuleFor(r => r.Stages!).Custom(CheckEachStage).When(r => r.Stages is { Count: <= PipelineRules.MaxStages });
    }

    static void CheckEachStage(IReadOnlyList<JsonElement> stages, ValidationContext<DefinePipelineRequest> context)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            IEnumerable<ValidationFailure> failures = PipelineStageJson.Read(stages[i], out var unreadable) is { } stage
                ? PipelineStageValidators.Check(stage)
                : [unreadable!];
            foreach (var failure in failures)
                context.AddFailure(new ValidationFailure(PathOf(i, failure.PropertyName), failure.ErrorMessage));
        }
    }

    static string PathOf(int index, string field) =>
        field.Length == 0 ? $"stages[{index}]" : $"stages[{index}].{char.ToLowerInvariant(field[0])}{field[1..]}";
}
