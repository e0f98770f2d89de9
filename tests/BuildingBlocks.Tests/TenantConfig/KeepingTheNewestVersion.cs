using BuildingBlocks.TenantConfig;
using Contracts.Config;
using static BuildingBlocks.Tests.TenantConfig.ConfigMessages;

namespace BuildingBlocks.Tests.TenantConfig;

public sealed class KeepingTheNewestVersion
{
    readonly TenantConfigCache cache = new(new ManualClock(Now));

    [Fact]
    public void applies_a_newer_version_of_a_tenant()
    {
        cache.Apply(Tenant("acme", 1, displayName: "Acme")).ShouldBe(ConfigApplyResult.Applied);
        cache.Apply(Tenant("acme", 2, displayName: "Acme Corp")).ShouldBe(ConfigApplyResult.Applied);

        cache.Tenant("acme")!.DisplayName.ShouldBe("Acme Corp");
        cache.Revision.ShouldBe(2);
    }

    [Fact]
    public void ignores_an_older_version_that_arrives_late()
    {
        cache.Apply(Tenant("acme", 3, displayName: "Third"));

        cache.Apply(Tenant("acme", 2, displayName: "Second")).ShouldBe(ConfigApplyResult.Stale);

        cache.Tenant("acme")!.DisplayName.ShouldBe("Third");
        cache.Revision.ShouldBe(1);
    }

    [Fact]
    public void ignores_a_replay_of_the_same_version()
    {
        cache.Apply(Tenant("acme", 2, displayName: "Original"));

        cache.Apply(Tenant("acme", 2, displayName: "Replayed")).ShouldBe(ConfigApplyResult.Stale);

        cache.Tenant("acme")!.DisplayName.ShouldBe("Original");
    }

    [Fact]
    public void guards_each_entity_on_its_own_version()
    {
        cache.Apply(Tenant("acme", 5));

        cache.Apply(Tenant("globex", 1)).ShouldBe(ConfigApplyResult.Applied);
        cache.Apply(Pipeline("acme", 1, new DropFieldStage("password"))).ShouldBe(ConfigApplyResult.Applied);

        cache.Tenant("globex").ShouldNotBeNull();
        cache.Pipeline("acme")!.Stages.ShouldBe([new DropFieldStage("password")]);
    }

    [Fact]
    public void raises_changed_only_for_a_change_that_was_applied()
    {
        var raised = 0;
        cache.Changed += () => raised++;

        cache.Apply(Tenant("acme", 2));
        cache.Apply(Tenant("acme", 1));
        cache.Apply(Tenant("acme", 2));

        raised.ShouldBe(1);
    }

    [Fact]
    public void keeps_a_deleted_alert_rule_deleted_when_an_older_version_arrives()
    {
        cache.Apply(Rule("acme", "r1", 1));
        cache.Apply(Rule("acme", "r2", 1));
        cache.Apply(Rule("acme", "r1", 3, deleted: true));

        cache.Apply(Rule("acme", "r1", 2)).ShouldBe(ConfigApplyResult.Stale);

        cache.AlertRules("acme").Select(r => r.RuleId).ShouldBe(["r2"]);
    }

    [Fact]
    public void lists_the_live_alert_rules_of_every_tenant()
    {
        cache.Apply(Rule("globex", "g1", 1));
        cache.Apply(Rule("acme", "a2", 1));
        cache.Apply(Rule("acme", "a1", 1));
        cache.Apply(Rule("initech", "i1", 2, deleted: true));

        cache.AllAlertRules.Select(r => (r.TenantId, r.RuleId)).ShouldBe([("acme", "a1"), ("acme", "a2"), ("globex", "g1")]);
        cache.AlertRules("initech").ShouldBeEmpty();
        cache.AlertRules("nobody").ShouldBeEmpty();
    }
}
