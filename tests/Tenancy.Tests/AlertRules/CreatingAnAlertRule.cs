using BuildingBlocks.EventStore;
using Tenancy.AlertRules;

namespace Tenancy.Tests.AlertRules;

public sealed class CreatingAnAlertRule
{
    [Fact]
    public void a_new_rule_is_created_with_its_definition()
    {
        var events = AlertRule.Decide(new CreateAlertRule("acme", "r1", AnAlertRule.ErrorSpike, Enabled: true), AlertRule.Initial);

        events.ShouldBe([new AlertRuleCreated("acme", "r1", AnAlertRule.ErrorSpike, true)]);
        History.Of<AlertRule>(events).ShouldBe(new AlertRule("acme", "r1", AlertRuleStatus.Active, AnAlertRule.ErrorSpike, true));
    }

    [Fact]
    public void a_rule_may_be_created_disabled()
    {
        var events = AlertRule.Decide(new CreateAlertRule("acme", "r1", AnAlertRule.ErrorSpike, Enabled: false), AlertRule.Initial);

        History.Of<AlertRule>(events).Enabled.ShouldBeFalse();
    }

    [Fact]
    public void a_rule_cannot_be_created_twice()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new CreateAlertRule("acme", "r1", AnAlertRule.ErrorSpike, true), AnAlertRule.Enabled))
            .Message.ShouldContain("already exists");
    }

    [Fact]
    public void a_deleted_rule_is_not_created_again_under_its_id()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new CreateAlertRule("acme", "r1", AnAlertRule.ErrorSpike, true), AnAlertRule.Deleted))
            .Message.ShouldContain("was deleted");
    }
}
