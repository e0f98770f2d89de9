using BuildingBlocks.EventStore;
using Contracts.Config;
using Tenancy.AlertRules;

namespace Tenancy.Tests.AlertRules;

public sealed class ChangingAnAlertRule
{
    static readonly AlertRuleDefinition Critical = AnAlertRule.ErrorSpike with
    {
        Severity = "critical",
        Channels = [new AlertChannel("slack-webhook", "https://hooks.slack.example/T1")],
    };

    [Fact]
    public void a_new_definition_replaces_the_old_one()
    {
        var events = AlertRule.Decide(new ChangeAlertRule(Critical, Enabled: true), AnAlertRule.Enabled);

        events.ShouldBe([new AlertRuleChanged("r1", Critical)]);
        AnAlertRule.Enabled.Evolve(events[0]).Definition.ShouldBe(Critical);
    }

    [Fact]
    public void records_nothing_when_nothing_differs_even_with_a_new_list_of_the_same_channels()
    {
        var same = AnAlertRule.ErrorSpike with { Channels = [.. AnAlertRule.ErrorSpike.Channels] };

        AlertRule.Decide(new ChangeAlertRule(same, Enabled: true), AnAlertRule.Enabled).ShouldBeEmpty();
    }

    [Fact]
    public void a_change_of_channel_target_alone_is_a_change()
    {
        var elsewhere = AnAlertRule.ErrorSpike with { Channels = [new AlertChannel("email", "sre@acme.example")] };

        AlertRule.Decide(new ChangeAlertRule(elsewhere, Enabled: true), AnAlertRule.Enabled).ShouldBe([new AlertRuleChanged("r1", elsewhere)]);
    }

    [Fact]
    public void switching_a_rule_off_records_that_it_was_disabled()
    {
        var events = AlertRule.Decide(new ChangeAlertRule(AnAlertRule.ErrorSpike, Enabled: false), AnAlertRule.Enabled);

        events.ShouldBe([new AlertRuleDisabled("r1")]);
        AnAlertRule.Enabled.Evolve(events[0]).Enabled.ShouldBeFalse();
    }

    [Fact]
    public void switching_a_rule_on_records_that_it_was_enabled()
    {
        var events = AlertRule.Decide(new ChangeAlertRule(AnAlertRule.ErrorSpike, Enabled: true), AnAlertRule.Disabled);

        events.ShouldBe([new AlertRuleEnabled("r1")]);
        AnAlertRule.Disabled.Evolve(events[0]).Enabled.ShouldBeTrue();
    }

    [Fact]
    public void a_new_definition_and_a_switch_are_recorded_together()
    {
        AlertRule.Decide(new ChangeAlertRule(Critical, Enabled: false), AnAlertRule.Enabled)
            .ShouldBe([new AlertRuleChanged("r1", Critical), new AlertRuleDisabled("r1")]);
    }

    [Fact]
    public void a_rule_that_does_not_exist_cannot_change()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new ChangeAlertRule(Critical, true), AlertRule.Initial))
            .Message.ShouldBe("ChangeAlertRule: the alert rule does not exist");
    }

    [Fact]
    public void a_deleted_rule_cannot_change()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new ChangeAlertRule(Critical, true), AnAlertRule.Deleted))
            .Message.ShouldBe("ChangeAlertRule: the alert rule was deleted");
    }
}
