using Contracts.Config;
using FluentValidation;

namespace Tenancy.AlertRules;

/// <summary>POST and PUT body. On PUT an omitted <see cref="Enabled"/> keeps the rule as it is; on POST it means enabled.</summary>
public sealed record AlertRuleRequest(string? Name, string? Query, string? Window, AlertThresholdRequest? Threshold, string? Severity,
    IReadOnlyList<AlertChannelRequest?>? Channels, bool? Enabled)
{
    /// <summary>Only for a request the validator accepted.</summary>
    public AlertRuleDefinition ToDefinition() => new(Name!, Query!, Window!, new AlertThreshold(Threshold!.Comparison!, Threshold.Value!.Value),
        Severity!, [.. Channels!.Select(c => new AlertChannel(c!.Type!, c.Target!))]);
}

public sealed record AlertThresholdRequest(string? Comparison, double? Value);
public sealed record AlertChannelRequest(string? Type, string? Target);

public static class AlertRuleRules
{
    public const int MaxNameLength = 200;
    public const int MaxQueryLength = 4000;
    public const int MaxChannels = 10;
    public const int MaxTargetLength = 2000;
    public static readonly string[] Comparisons = [">", ">=", "<", "<=", "==", "!="];
    public static readonly string[] Severities = ["info", "warning", "critical"];
    public static readonly string[] ChannelTypes = ["webhook", "slack-webhook", "email"];

    public static bool IsHttpUrl(string? target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}

/// <summary>Nested fields are named as the client wrote them ("threshold.value", "channels[1].target").</summary>
public sealed class AlertRuleValidator : AbstractValidator<AlertRuleRequest>
{
    public AlertRuleValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(AlertRuleRules.MaxNameLength);
        // The query language is parsed by Query; until it is shared, only its size is checked here.
        RuleFor(r => r.Query).NotEmpty().MaximumLength(AlertRuleRules.MaxQueryLength);
        RuleFor(r => r.Window).Must(AlertWindow.IsValid)
            .WithMessage("window must be whole minutes or hours from 1m to 24h, e.g. 5m or 2h.");
        RuleFor(r => r.Threshold).NotNull().WithMessage("threshold is required: a comparison and a value.");
        RuleFor(r => r.Threshold!.Comparison).Must(c => AlertRuleRules.Comparisons.Contains(c)).When(r => r.Threshold is not null)
            .OverridePropertyName("threshold.comparison")
            .WithMessage($"threshold.comparison must be one of: {string.Join(" ", AlertRuleRules.Comparisons)}.");
        RuleFor(r => r.Threshold!.Value).Must(v => v is { } value && double.IsFinite(value)).When(r => r.Threshold is not null)
            .OverridePropertyName("threshold.value").WithMessage("threshold.value must be a number.");
        RuleFor(r => r.Severity).Must(s => AlertRuleRules.Severities.Contains(s))
            .WithMessage($"severity must be one of: {string.Join(", ", AlertRuleRules.Severities)}.");
        RuleFor(r => r.Channels).NotEmpty().WithMessage("channels must list at least one channel.")
            .Must(c => c is null || c.Count <= AlertRuleRules.MaxChannels).WithMessage($"channels may list at most {AlertRuleRules.MaxChannels}.");
        RuleForEach(r => r.Channels).NotNull().WithMessage("Each channel must be an object with a type and a target.")
            .ChildRules(channel =>
            {
                channel.RuleFor(c => c!.Type).Must(t => AlertRuleRules.ChannelTypes.Contains(t)).OverridePropertyName("type")
                    .WithMessage($"type must be one of: {string.Join(", ", AlertRuleRules.ChannelTypes)}.");
                channel.RuleFor(c => c!.Target).Must(AlertRuleRules.IsHttpUrl).MaximumLength(AlertRuleRules.MaxTargetLength)
                    .When(c => c!.Type is "webhook" or "slack-webhook").OverridePropertyName("target")
                    .WithMessage("target must be an absolute http or https URL.");
                channel.RuleFor(c => c!.Target).NotEmpty().EmailAddress().MaximumLength(320)
                    .When(c => c!.Type is "email").OverridePropertyName("target")
                    .WithMessage("target must be an email address.");
            });
    }
}
