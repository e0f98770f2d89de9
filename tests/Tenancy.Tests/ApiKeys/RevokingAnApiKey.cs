using BuildingBlocks.EventStore;
using Tenancy.ApiKeys;

namespace Tenancy.Tests.ApiKeys;

public sealed class RevokingAnApiKey
{
    [Fact]
    public void an_active_key_is_revoked()
    {
        var events = ApiKey.Decide(new RevokeApiKey(), AnApiKey.Active);

        events.ShouldBe([new ApiKeyRevoked("k1")]);
        AnApiKey.Active.Evolve(events[0]).Status.ShouldBe(ApiKeyStatus.Revoked);
    }

    [Fact]
    public void a_revoked_key_cannot_be_revoked_again()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(new RevokeApiKey(), AnApiKey.Revoked)).Message.ShouldContain("Revoked");
    }

    [Fact]
    public void a_key_that_was_never_issued_cannot_be_revoked()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(new RevokeApiKey(), ApiKey.Initial))
            .Message.ShouldBe("RevokeApiKey: the key does not exist");
    }
}
