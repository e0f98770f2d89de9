using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Config;

namespace Tenancy.IntegrationTests.Pipelines;

[Collection(InfrastructureCollection.Name)]
public sealed class DefiningAPipeline(TenancyApp app)
{
    static readonly object ThreeStages = new
    {
        stages = new object[]
        {
            new { type = "parse", format = "regex", pattern = @"^(?<level>\w+) (?<message>.*)$" },
            new { type = "redact", kinds = new[] { "email", "ipv4" } },
            new { type = "labels", labels = new Dictionary<string, string> { ["env"] = "prod" } },
        },
    };

    static readonly object OneStage = new { stages = new object[] { new { type = "drop_if", levelBelow = "info" } } };

    static async Task<HttpResponseMessage> Put(HttpClient client, string tenantId, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/tenants/{tenantId}/pipeline") { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task a_tenant_without_a_pipeline_has_an_empty_one_at_version_0()
    {
        var (tenantId, key) = await app.OnboardAsync();

        using var response = await app.ClientWithKey(key).GetAsync($"/api/v1/tenants/{tenantId}/pipeline");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.ShouldBe("\"0\"");
        var pipeline = await response.Content.ReadFromJsonAsync<JsonElement>();
        pipeline.GetProperty("pipelineVersion").GetInt32().ShouldBe(0);
        pipeline.GetProperty("stages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task every_put_increments_the_pipeline_version_and_its_etag()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);

        using var first = await Put(client, tenantId, ThreeStages, ifMatch: "\"0\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.ShouldBe("\"1\"");

        using var read = await client.GetAsync($"/api/v1/tenants/{tenantId}/pipeline");
        read.Headers.ETag!.Tag.ShouldBe("\"1\"");
        var pipeline = await read.Content.ReadFromJsonAsync<JsonElement>();
        pipeline.GetProperty("pipelineVersion").GetInt32().ShouldBe(1);
        var stages = pipeline.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => s.GetProperty("type").GetString()).ShouldBe(["parse", "redact", "labels"]);
        stages[0].GetProperty("pattern").GetString().ShouldBe(@"^(?<level>\w+) (?<message>.*)$");
        stages[1].GetProperty("replacement").GetString().ShouldBe("[REDACTED]");
        stages[2].GetProperty("labels").GetProperty("env").GetString().ShouldBe("prod");

        using var second = await Put(client, tenantId, OneStage, ifMatch: read.Headers.ETag.Tag);
        second.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var replaced = await second.Content.ReadFromJsonAsync<JsonElement>();
        replaced.GetProperty("pipelineVersion").GetInt32().ShouldBe(2);
        replaced.GetProperty("stages").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task a_put_with_a_stale_etag_is_refused_with_412()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var client = app.ClientWithKey(key);
        (await Put(client, tenantId, ThreeStages, ifMatch: "\"0\"")).Dispose();

        using var stale = await Put(client, tenantId, OneStage, ifMatch: "\"0\"");

        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var pipeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/pipeline");
        pipeline.GetProperty("pipelineVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task every_definition_is_published_and_served_by_the_config_snapshot()
    {
        var (tenantId, key) = await app.OnboardAsync();
        (await Put(app.ClientWithKey(key), tenantId, ThreeStages)).Dispose();
        (await Put(app.ClientWithKey(key), tenantId, OneStage)).Dispose();

        var published = await app.InOutboxAsync<PipelineConfig>(tenantId, ConfigMessageTypes.PipelineChanged);
        published.Select(p => p.PipelineVersion).ShouldBe([1, 2]);
        published[^1].Stages.ShouldBe([new DropIfStage("info")]);

        var snapshot = await app.Operator().GetFromJsonAsync<ConfigSnapshot>("/api/v1/config/snapshot", TenancyApp.Json);
        var served = snapshot!.Pipelines.Single(p => p.TenantId == tenantId);
        served.PipelineVersion.ShouldBe(2);
        served.Version.ShouldBe(2);
        served.Stages.ShouldBe([new DropIfStage("info")]);
    }

    [Fact]
    public async Task an_invalid_pipeline_gets_400_naming_each_bad_stage_field()
    {
        var (tenantId, key) = await app.OnboardAsync();

        using var response = await Put(app.ClientWithKey(key), tenantId, new
        {
            stages = new object[]
            {
                new { type = "parse", format = "json" },
                new { type = "parse", format = "xml" },
                new { type = "parse", format = "regex", pattern = @"(\w+)" },
                new { type = "rename", from = "msg", to = "" },
                new { type = "teleport" },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name)
            .ShouldBe(new[] {"stages[1].format", "stages[2].pattern", "stages[3].to", "stages[4].type" }, ignoreOrder: true, customMessage: errors.ToString());
        var pipeline = await app.ClientWithKey(key).GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/pipeline");
        pipeline.GetProperty("pipelineVersion").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task a_catastrophically_backtracking_pattern_is_refused()
    {
        var (tenantId, key) = await app.OnboardAsync();

        using var response = await Put(app.ClientWithKey(key), tenantId,
            new { stages = new object[] { new { type = "drop_if", field = "message", matches = "(a+)+$" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("stages[0].matches")[0].GetString()!.ShouldContain("backtracks catastrophically");
    }

    [Fact]
    public async Task a_key_of_another_tenant_can_neither_read_nor_change_the_pipeline()
    {
        var (tenantA, keyA) = await app.OnboardAsync("a");
        var (tenantB, _) = await app.OnboardAsync("b");
        var client = app.ClientWithKey(keyA);

        using var read = await client.GetAsync($"/api/v1/tenants/{tenantB}/pipeline");
        using var change = await Put(client, tenantB, OneStage);

        read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        change.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/tenants/{tenantA}/pipeline")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_viewer_reads_the_pipeline_but_only_an_operator_changes_it()
    {
        var (tenantId, adminKey) = await app.OnboardAsync();
        var viewer = app.ClientWithKey(await app.IssueKeyAsync(tenantId, adminKey, "viewer"));
        var @operator = app.ClientWithKey(await app.IssueKeyAsync(tenantId, adminKey, "operator"));

        (await viewer.GetAsync($"/api/v1/tenants/{tenantId}/pipeline")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Put(viewer, tenantId, OneStage)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Put(@operator, tenantId, OneStage)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_caller_without_a_key_is_unauthorized()
    {
        var (tenantId, _) = await app.OnboardAsync();

        (await app.CreateClient().GetAsync($"/api/v1/tenants/{tenantId}/pipeline")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
