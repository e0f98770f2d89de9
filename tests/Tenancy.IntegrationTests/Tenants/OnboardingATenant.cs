using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.Tenants;

[Collection(InfrastructureCollection.Name)]
public sealed class OnboardingATenant(TenancyApp app)
{
    [Fact]
    public async Task returns_the_tenant_and_its_first_admin_key_once()
    {
        var tenantId = "acme-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Acme", adminEmail = "ops@acme.example", plan = "standard", retentionDays = 14 });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/tenants/{tenantId}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tenant").GetProperty("tenantId").GetString().ShouldBe(tenantId);
        body.GetProperty("tenant").GetProperty("plan").GetString().ShouldBe("standard");
        body.GetProperty("tenant").GetProperty("retentionDays").GetInt32().ShouldBe(14);
        var secret = body.GetProperty("adminKey").GetProperty("secret").GetString()!;
        secret.ShouldStartWith("plk_");

        using var get = await app.ClientWithKey(secret).GetAsync($"/api/v1/tenants/{tenantId}");
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        get.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task refuses_a_second_onboarding_with_the_same_id()
    {
        var (tenantId, _) = await app.OnboardAsync();

        using var again = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Someone else", adminEmail = "x@y.example" });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("already exists");
    }

    [Fact]
    public async Task names_every_bad_field_of_an_invalid_body()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId = "Bad_Id!", displayName = "", adminEmail = "not-an-email", plan = "gold", retentionDays = 0, minimumLevel = "loud" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "tenantId", "displayName", "adminEmail", "plan", "retentionDays", "minimumLevel" })
            errors.TryGetProperty(field, out _).ShouldBeTrue($"errors should name {field}: {errors}");
    }

    [Fact]
    public async Task replays_the_first_answer_for_a_retry_with_the_same_idempotency_key()
    {
        var tenantId = "idem-" + Guid.NewGuid().ToString("N")[..8];
        var request = new { tenantId, displayName = "Idem", adminEmail = "a@idem.example" };
        var key = Guid.NewGuid().ToString();

        async Task<HttpResponseMessage> Post()
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add("Idempotency-Key", key);
            return await client.PostAsJsonAsync("/api/v1/tenants", request);
        }

        using var first = await Post();
        using var retry = await Post();

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var firstKey = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adminKey");
        var replayedKey = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adminKey");
        replayedKey.GetProperty("id").GetString().ShouldBe(firstKey.GetProperty("id").GetString());
        replayedKey.TryGetProperty("secret", out _).ShouldBeFalse("a secret is returned once and never stored");
    }

    [Fact]
    public async Task provisions_the_tenant_in_the_background()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);

        await Eventually.Until(async () =>
        {
            var tenant = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}");
            return tenant.GetProperty("provisioning").GetString() == "provisioned";
        }, TimeSpan.FromSeconds(20), "the tenant was provisioned");
    }
}
