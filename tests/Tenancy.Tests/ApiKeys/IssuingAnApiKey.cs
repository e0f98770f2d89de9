using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using Tenancy.ApiKeys;

namespace Tenancy.Tests.ApiKeys;

public sealed class IssuingAnApiKey
{
    static readonly DateTimeOffset Expiry = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    static readonly IssueApiKey Issue = new("k1", "acme", "ci", ApiKeyRole.Viewer, ["query"], Expiry, "salt", "hash");

    [Fact]
    public void a_key_is_issued_with_its_role_scopes_expiry_and_hash()
    {
        var events = IssuedEvents();

        var issued = events.ShouldHaveSingleItem().ShouldBeOfType<ApiKeyIssued>();
        issued.ShouldBe(new ApiKeyIssued("k1", "acme", "ci", ApiKeyRole.Viewer, Issue.Scopes, Expiry, "salt", "hash"));
    }

    [Fact]
    public void an_issued_key_is_active()
    {
        var key = History.Of<ApiKey>(IssuedEvents());

        key.Status.ShouldBe(ApiKeyStatus.Active);
        key.Role.ShouldBe(ApiKeyRole.Viewer);
        key.Hash.ShouldBe("hash");
    }

    [Fact]
    public void a_key_cannot_be_issued_twice()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(Issue, AnApiKey.Active)).Message.ShouldContain("IssueApiKey is not allowed for a key that is Active");
    }

    [Fact]
    public void a_revoked_key_cannot_be_issued_again()
    {
        Should.Throw<RuleViolation>(() => ApiKey.Decide(Issue, AnApiKey.Revoked));
    }

    static IApiKeyEvent[] IssuedEvents() => ApiKey.Decide(Issue, ApiKey.Initial);
}
