using BuildingBlocks.TenantConfig;
using static BuildingBlocks.Tests.TenantConfig.ConfigMessages;

namespace BuildingBlocks.Tests.TenantConfig;

public sealed class AuthenticatingKeys
{
    readonly ManualClock clock = new(Now);
    readonly TenantConfigCache cache;

    public AuthenticatingKeys() => cache = new TenantConfigCache(clock);

    [Fact]
    public void accepts_the_secret_of_a_live_key_with_its_tenant_role_and_scopes()
    {
        var (key, secret) = Key("acme", role: "operator");
        cache.Apply(key);

        var lookup = cache.AuthenticateKey(secret);

        lookup.Status.ShouldBe(KeyStatus.Valid);
        lookup.KeyId.ShouldBe(key.KeyId);
        lookup.TenantId.ShouldBe("acme");
        lookup.Role.ShouldBe(ApiKeyRole.Operator);
        lookup.Scopes.ShouldBe(["ingest", "query"]);
        lookup.HasScope("ingest").ShouldBeTrue();
        lookup.HasScope("admin").ShouldBeFalse();
    }

    [Fact]
    public void refuses_a_wrong_secret_for_a_known_key_id_as_unknown()
    {
        var (key, _) = Key("acme");
        cache.Apply(key);
        var (_, forged, _) = ApiKeySecret.Generate(key.KeyId);

        cache.AuthenticateKey(forged).ShouldBe(KeyLookup.Unknown);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-platform-key")]
    [InlineData("plk_")]
    public void refuses_what_is_not_a_platform_key(string? presented) =>
        cache.AuthenticateKey(presented).ShouldBe(KeyLookup.Unknown);

    [Fact]
    public void refuses_a_well_formed_secret_whose_key_id_it_has_never_heard_of()
    {
        cache.Apply(Key("acme").Key);
        var (stranger, _, _) = ApiKeySecret.Generate(ApiKeySecret.NewKeyId());

        cache.AuthenticateKey(stranger).ShouldBe(KeyLookup.Unknown);
    }

    [Fact]
    public void refuses_a_revoked_key_at_once_even_right_after_accepting_it()
    {
        var (key, secret) = Key("acme");
        cache.Apply(key);
        cache.AuthenticateKey(secret).IsValid.ShouldBeTrue();

        cache.Apply(Revoked(key));

        var lookup = cache.AuthenticateKey(secret);
        lookup.Status.ShouldBe(KeyStatus.Revoked);
        lookup.TenantId.ShouldBe("acme");
    }

    [Fact]
    public void refuses_a_key_from_the_moment_it_expires()
    {
        var (key, secret) = Key("acme", expiresAt: Now.AddMinutes(5));
        cache.Apply(key);
        cache.AuthenticateKey(secret).IsValid.ShouldBeTrue();

        clock.Advance(TimeSpan.FromMinutes(5));

        cache.AuthenticateKey(secret).Status.ShouldBe(KeyStatus.Expired);
    }

    [Fact]
    public void after_a_rotation_refuses_the_old_secret_and_accepts_the_new_one()
    {
        var (key, oldSecret) = Key("acme");
        cache.Apply(key);
        cache.AuthenticateKey(oldSecret).IsValid.ShouldBeTrue();

        var (rotated, newSecret) = Rotated(key);
        cache.Apply(rotated);

        cache.AuthenticateKey(oldSecret).ShouldBe(KeyLookup.Unknown);
        cache.AuthenticateKey(newSecret).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void keeps_refusing_the_old_secret_when_the_pre_rotation_version_is_replayed()
    {
        var (key, oldSecret) = Key("acme");
        var (rotated, newSecret) = Rotated(key);
        cache.Apply(rotated);

        cache.Apply(key).ShouldBe(ConfigApplyResult.Stale);

        cache.AuthenticateKey(oldSecret).ShouldBe(KeyLookup.Unknown);
        cache.AuthenticateKey(newSecret).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void grants_nothing_to_a_key_whose_role_this_build_does_not_know()
    {
        var (key, secret) = Key("acme", role: "owner");
        cache.Apply(key);

        cache.AuthenticateKey(secret).ShouldBe(KeyLookup.Unknown);
    }
}
