using BuildingBlocks.TenantConfig;
using static BuildingBlocks.Tests.TenantConfig.ConfigMessages;

namespace BuildingBlocks.Tests.TenantConfig;

/// <summary>The sync starts consuming before it fetches the snapshot, so messages may land on either side of it.</summary>
public sealed class StartingFromASnapshot
{
    readonly TenantConfigCache cache = new(new ManualClock(Now));

    [Fact]
    public void is_not_ready_from_the_topic_alone_and_ready_once_the_snapshot_is_loaded()
    {
        cache.Apply(Tenant("acme", 1));
        cache.IsReady.ShouldBeFalse();

        cache.Load(Snapshot(Tenant("globex", 1)));

        cache.IsReady.ShouldBeTrue();
        cache.Tenant("acme").ShouldNotBeNull();
        cache.Tenant("globex").ShouldNotBeNull();
    }

    [Fact]
    public void keeps_a_message_consumed_before_the_snapshot_when_it_is_newer_than_the_snapshot_entry()
    {
        var (key, secret) = Key("acme");
        cache.Apply(Revoked(key));

        var applied = cache.Load(Snapshot(Tenant("acme", 1), key));

        applied.ShouldBe(1, "only the tenant was news; the key entry is older than the revocation");
        cache.AuthenticateKey(secret).Status.ShouldBe(KeyStatus.Revoked);
    }

    [Fact]
    public void lets_the_snapshot_replace_an_older_message_consumed_before_it()
    {
        cache.Apply(Tenant("acme", 1, displayName: "Old"));

        cache.Load(Snapshot(Tenant("acme", 4, displayName: "Current")));

        cache.Tenant("acme")!.DisplayName.ShouldBe("Current");
    }

    [Fact]
    public void ignores_the_topic_replaying_what_the_snapshot_already_has_and_applies_what_follows()
    {
        var (key, secret) = Key("acme");
        cache.Load(Snapshot(Tenant("acme", 2), key, Rule("acme", "r1", 1)));

        cache.Apply(Tenant("acme", 1)).ShouldBe(ConfigApplyResult.Stale);
        cache.Apply(Tenant("acme", 2)).ShouldBe(ConfigApplyResult.Stale);
        cache.Apply(key).ShouldBe(ConfigApplyResult.Stale);
        cache.Apply(Revoked(key)).ShouldBe(ConfigApplyResult.Applied);

        cache.AuthenticateKey(secret).Status.ShouldBe(KeyStatus.Revoked);
        cache.AlertRules("acme").Single().RuleId.ShouldBe("r1");
    }

    [Fact]
    public void raises_changed_when_the_snapshot_is_loaded()
    {
        var raised = 0;
        cache.Changed += () => raised++;

        cache.Load(Snapshot());

        raised.ShouldBe(1);
        cache.IsReady.ShouldBeTrue();
    }
}
