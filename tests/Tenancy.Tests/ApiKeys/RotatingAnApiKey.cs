using BuildingBlocks.EventStore;
using Tenancy.ApiKeys;

namespace Tenancy.Tests.ApiKeys;

public sealed class RotatingAnApiKey
{
    [Fact]
    public void rotating_replaces_the_salt_and_hash_at_once()
    {
        var events = ApiKey.Decide(new RotateApiKey("salt-2", "hash-2"), AnApiKey.Active);

        events.ShouldBe([new ApiKeyRotated("k1", "salt-2", "hash-2")]);
        var key = AnApiKey.Active.Evolve(events[0]);
        key.Salt.ShouldBe("salt-2");
        key.Hash.ShouldBe("hash-2");
        key.Status.ShouldBe(ApiKeyStatus.Active);
    }

    [Fact]
    public void a_revoked_key_cannot_be_rotated()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(new RotateApiKey("salt-2", "hash-2"), AnApiKey.Revoked));
    }

    [Fact]
    public void a_key_that_was_never_issued_cannot_be_rotated()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(new RotateApiKey("salt-2", "hash-2"), ApiKey.Initial)).Message.ShouldContain("does not exist");
    }
}
