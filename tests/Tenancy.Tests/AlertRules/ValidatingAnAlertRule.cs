using System.Text.Json;
using Tenancy.AlertRules;
using Tenancy.Provisioning;

namespace Tenancy.Tests.AlertRules;

public sealed class ValidatingAnAlertRule
{
    static readonly AlertRuleValidator Validator = new();

    static readonly AlertRuleRequest Valid = new("Error spike", "level=error | count", "5m", new AlertThresholdRequest(">", 100), "warning",
        [new AlertChannelRequest("email", "ops@acme.example"), new AlertChannelRequest("webhook", "https://hooks.acme.example/alerts"),
         new AlertChannelRequest("slack-webhook", "https://hooks.slack.com/services/T0/B0/x")], Enabled: null);

    static void ShouldNameOnly(AlertRuleRequest request, params string[] fields)
    {
        var errors = ValidationErrors.Of(Validator, request);
        errors.Keys.Order().ShouldBe(fields.Order(), $"errors: {JsonSerializer.Serialize(errors)}");
    }

    [Fact]
    public void accepts_a_complete_rule()
    {
        ShouldNameOnly(Valid);
    }

    [Fact]
    public void the_rule_seeded_for_every_tenant_passes_the_same_rules()
    {
        var seeded = TenantSeeding.ErrorRateSpike("admin@acme.example");
        var request = new AlertRuleRequest(seeded.Name, seeded.Query, seeded.Window,
            new AlertThresholdRequest(seeded.Threshold.Comparison, seeded.Threshold.Value), seeded.Severity,
            [.. seeded.Channels.Select(c => new AlertChannelRequest(c.Type, c.Target))], Enabled: true);

        ShouldNameOnly(request);
        request.ToDefinition().ShouldBe(seeded);
    }

    [Fact]
    public void names_every_missing_field()
    {
        ShouldNameOnly(new AlertRuleRequest(null, null, null, null, null, null, null),
            "name", "query", "window", "threshold", "severity", "channels");
    }

    [Fact]
    public void names_every_bad_field_as_the_client_wrote_it()
    {
        ShouldNameOnly(Valid with
        {
            Name = new string('n', AlertRuleRules.MaxNameLength + 1),
            Query = new string('q', AlertRuleRules.MaxQueryLength + 1),
            Window = "30s",
            Threshold = new AlertThresholdRequest("=>", null),
            Severity = "page",
            Channels = [new AlertChannelRequest("pager", "x"), new AlertChannelRequest("webhook", "ftp://hooks.acme.example"),
                new AlertChannelRequest("email", "not-an-email")],
        }, "name", "query", "window", "threshold.comparison", "threshold.value", "severity", "channels[0].type", "channels[1].target",
            "channels[2].target");
    }

    [Fact]
    public void accepts_every_comparison_and_severity_from_the_lists()
    {
        foreach (var comparison in AlertRuleRules.Comparisons)
            foreach (var severity in AlertRuleRules.Severities)
                ShouldNameOnly(Valid with { Threshold = new AlertThresholdRequest(comparison, -2.5), Severity = severity });
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("hooks.acme.example/alerts")]
    [InlineData("mailto:ops@acme.example")]
    [InlineData("")]
    public void a_webhook_target_must_be_an_absolute_http_url(string target)
    {
        ShouldNameOnly(Valid with { Channels = [new AlertChannelRequest("webhook", target)] }, "channels[0].target");
        ShouldNameOnly(Valid with { Channels = [new AlertChannelRequest("slack-webhook", target)] }, "channels[0].target");
    }

    [Fact]
    public void an_email_target_must_be_an_email_address()
    {
        ShouldNameOnly(Valid with { Channels = [new AlertChannelRequest("email", "https://hooks.acme.example")] }, "channels[0].target");
    }

    [Fact]
    public void a_rule_has_1_to_10_channels()
    {
        var channel = new AlertChannelRequest("email", "ops@acme.example");

        ShouldNameOnly(Valid with { Channels = [] }, "channels");
        ShouldNameOnly(Valid with { Channels = [.. Enumerable.Repeat(channel, AlertRuleRules.MaxChannels)] });
        ShouldNameOnly(Valid with { Channels = [.. Enumerable.Repeat(channel, AlertRuleRules.MaxChannels + 1)] }, "channels");
    }

    [Fact]
    public void a_missing_channel_is_named_by_its_position()
    {
        ShouldNameOnly(Valid with { Channels = [new AlertChannelRequest("email", "ops@acme.example"), null] }, "channels[1]");
    }
}
