using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class AskingQuestions(QueryStack stack)
{
    [Fact]
    public async Task a_finished_range_is_answered_from_the_cache_until_a_late_line_lands_in_it()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var ten = DateTimeOffset.UtcNow.AddMinutes(-10);
        var nanos = (ten.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
        await stack.PublishProcessedAsync(tenant, [.. Enumerable.Range(0, 40).Select(i => QueryStack.Record(tenant, $"old {i}", nanos + i))]);
        var (from, to) = (ten.AddMinutes(-5), ten.AddMinutes(5));
        async Task<JsonElement> Count() => await stack.QueryAsync(key, "| count", from, to);
        await Eventually.Until(async () => (await Count()).GetProperty("rows")[0][0].GetInt64() == 40, TimeSpan.FromSeconds(10), "the lines are indexed");

        var first = await Count();
        var second = await Count();
        second.GetProperty("cached").GetBoolean().ShouldBeTrue();
        second.GetProperty("rows")[0][0].GetInt64().ShouldBe(40);
        first.GetProperty("rows").ToString().ShouldBe(second.GetProperty("rows").ToString());

        await stack.PublishProcessedAsync(tenant, [QueryStack.Record(tenant, "late arrival", nanos + 1000)]);
        await Eventually.Until(async () => (await Count()).GetProperty("rows")[0][0].GetInt64() == 41, TimeSpan.FromSeconds(10),
            "the late line invalidates the cached answer");
        (await stack.QueryAsync(key, "| count", from, DateTimeOffset.UtcNow.AddMinutes(1))).GetProperty("cached").GetBoolean()
            .ShouldBeFalse("a range that has not ended is never cached");
    }

    [Fact]
    public async Task every_query_is_in_the_tenants_audit_and_only_admins_may_read_it()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var marker = "audited" + Guid.NewGuid().ToString("N")[..6];
        await stack.QueryAsync(key, $"{marker} | count by service");
        using (var bad = await stack.QueryResponseAsync(key, $"{marker} AN x")) bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var admin = stack.Stack.Client("query", key);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/query/audit?limit=10");
        var entries = audit.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("query").GetString()!.Contains(marker)).ToList();
        entries.Count.ShouldBe(2);
        entries.Select(e => e.GetProperty("status").GetInt32()).ShouldBe([400, 200]);
        entries[1].GetProperty("tenantId").GetString().ShouldBe(tenant);
        entries[1].GetProperty("keyId").GetString().ShouldNotBeNullOrEmpty();
        entries[1].GetProperty("resultCount").GetInt32().ShouldBe(0);

        var (_, reader) = await stack.Stack.IssueKeyAsync(tenant, key, "viewer", "query");
        await Eventually.Until(async () =>
        {
            using var client = stack.Stack.Client("query", reader);
            using var response = await client.GetAsync("/api/v1/query/audit");
            return response.StatusCode == HttpStatusCode.Forbidden;
        }, TimeSpan.FromSeconds(10), "a key without the admin scope cannot read the audit");
    }

    [Fact]
    public async Task refuses_a_range_longer_than_the_plan_allows_and_explains_a_typo()
    {
        var (_, key) = await stack.OnboardAsync();

        using (var tooLong = await stack.QueryResponseAsync(key, "| count", DateTimeOffset.UtcNow.AddDays(-40), DateTimeOffset.UtcNow))
        {
            ((int)tooLong.StatusCode).ShouldBe(422);
            (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("'standard' plan allows at most 31 days");
        }
        using var typo = await stack.QueryResponseAsync(key, "level=ERROR AN message CONTAINS \"timeout\"");
        typo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await typo.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("unexpected token 'AN' at column 13; did you mean AND?");
        problem.GetProperty("position").GetInt32().ShouldBe(12);
    }
}
