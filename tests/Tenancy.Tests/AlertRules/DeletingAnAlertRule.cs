using BuildingBlocks.EventStore;
using Tenancy.AlertRules;

namespace Tenancy.Tests.AlertRules;

public sealed class DeletingAnAlertRule
{
    [Fact]
    public void an_enabled_rule_is_deleted()
    {
        var events = AlertRule.Decide(new DeleteAlertRule(), AnAlertRule.Enabled);

        events.ShouldBe([new AlertRuleDeleted("r1")]);
        AnAlertRule.Enabled.Evolve(events[0]).Status.ShouldBe(AlertRuleStatus.Deleted);
    }

    [Fact]
    public void a_disabled_rule_can_be_deleted_too()
    {
        AlertRule.Decide(new DeleteAlertRule(), AnAlertRule.Disabled).ShouldBe([new AlertRuleDeleted("r1")]);
    }

    [Fact]
    public void a_rule_cannot_be_deleted_twice()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new DeleteAlertRule(), AnAlertRule.Deleted)).Message.ShouldContain("was deleted");
    }

    [Fact]
    public void a_rule_that_does_not_exist_cannot_be_deleted()
    {
        Should.Throw<RuleViolation>(() => AlertRule.Decide(new DeleteAlertRule(), AlertRule.Initial)).Message.ShouldContain("does not exist");
    }
}
