using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Logs;
using TestInfrastructure;

namespace Query.IntegrationTests.Archive;

[Collection(ArchiveCollection.Name)]
public sealed class DeletingData(ArchiveStack stack)
{
    [Fact]
    public async Task retention_deletes_the_days_past_it_from_both_tiers()
    {
        var (tenant, key) = await stack.OnboardAsync();
        foreach (var days in new[] { -5, -4, -1 })
            await PublishAsync(tenant, $"d{-days}", ArchiveStack.Nanos(ArchiveStack.StartOfDay(days).AddHours(10)), 200);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 600, TimeSpan.FromSeconds(60), "the three days are archived");
        await PublishAsync(tenant, "recent", ArchiveStack.Nanos(DateTimeOffset.UtcNow.AddMinutes(-10)), 100);

        using (var tenancy = stack.Stack.Client("tenancy", key))
            (await tenancy.PatchAsJsonAsync($"/api/v1/tenants/{tenant}", new { retentionDays = 3 })).EnsureSuccessStatusCode();

        await Eventually.Until(() => stack.ArchivedRows(tenant) == 200, TimeSpan.FromSeconds(30), "the days past retention are deleted");
        await Eventually.Until(async () => (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name)
                .All(name => name.Contains("/dt=" + ArchiveStack.StartOfDay(-1).ToString("yyyy-MM-dd") + "/")),
            TimeSpan.FromSeconds(15), "only the kept day's objects are left in blob storage");
        var left = await stack.QueryAllAsync(key, "", ArchiveStack.StartOfDay(-6), DateTimeOffset.UtcNow.AddMinutes(1));
        left.Select(r => r.GetProperty("message").GetString()!.Split(' ')[0]).Distinct().Order().ShouldBe(["d1", "recent"]);
        left.Count.ShouldBe(300);

        await Eventually.Until(async () => (await stack.AuditAsync(tenant, "tenant.data-purged.v1")).Count == 2, TimeSpan.FromSeconds(15),
            "both deleted days are in the audit trail");
        var purged = await stack.AuditAsync(tenant, "tenant.data-purged.v1");
        purged.Select(e => e.GetProperty("data").GetProperty("reason").GetString()).ShouldAllBe(reason => reason == "retention");
        purged.Sum(e => e.GetProperty("data").GetProperty("lines").GetInt64()).ShouldBe(400);
    }

    [Fact]
    public async Task deleting_a_tenant_leaves_none_of_its_segments_or_objects_behind()
    {
        var (tenant, key) = await stack.OnboardAsync();
        await PublishAsync(tenant, "old", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-2).AddHours(8)), 300);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 300, TimeSpan.FromSeconds(60), "the old day is archived");
        await PublishAsync(tenant, "recent", ArchiveStack.Nanos(DateTimeOffset.UtcNow.AddMinutes(-5)), 50);
        await Eventually.Until(async () => (await stack.QueryAsync(key, "recent")).GetProperty("count").GetInt32() == 50,
            TimeSpan.FromSeconds(15), "the recent lines are searchable");

        using (var tenancy = stack.Stack.Client("tenancy", key))
            (await tenancy.DeleteAsync($"/api/v1/tenants/{tenant}")).IsSuccessStatusCode.ShouldBeTrue();

        var marker = Path.Combine(stack.SegmentsDirectory, "erased", tenant);
        await Eventually.Until(() => File.Exists(marker) && !Directory.Exists(stack.TenantFolder(tenant)), TimeSpan.FromSeconds(30),
            "the Query service has erased the tenant");
        (await stack.ArchiveObjectsAsync(tenant)).ShouldBeEmpty();
        Directory.EnumerateFiles(stack.SegmentsDirectory, "*", SearchOption.AllDirectories).ShouldNotContain(f => f.Contains(tenant) && f != marker);
        (await stack.QueryResponseAsync(key, "")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        await Eventually.Until(async () => (await stack.AuditAsync(tenant, "tenant.data-erased.v1")).Count == 1, TimeSpan.FromSeconds(15),
            "the erasure is in the audit trail");
        (await stack.AuditAsync(tenant, "tenant.data-erased.v1"))[0].GetProperty("data").GetProperty("lines").GetInt64().ShouldBe(350);
    }

    [Fact]
    public async Task delete_by_query_removes_exactly_the_matching_lines_of_the_day_in_either_tier()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var (_, viewerKey) = await stack.Stack.IssueKeyAsync(tenant, key, "viewer", "query");
        var oldDay = ArchiveStack.StartOfDay(-2);
        await PublishAsync(tenant, "old", ArchiveStack.Nanos(oldDay.AddHours(9)), 300);
        await PublishAsync(tenant, "before", ArchiveStack.Nanos(oldDay.AddHours(-2)), 30); // the day before: not touched
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 330, TimeSpan.FromSeconds(60), "both days are archived");
        await PublishAsync(tenant, "today", ArchiveStack.Nanos(DateTimeOffset.UtcNow.AddMinutes(-3)), 90);
        var from = ArchiveStack.StartOfDay(-4);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        await Eventually.Until(async () => (await stack.QueryAsync(key, "today", from, to)).GetProperty("count").GetInt32() == 90,
            TimeSpan.FromSeconds(15), "today's lines are searchable");

        using var admin = stack.Stack.Client("query", key);
        var archived = await DeleteAsync(admin, "user_id=\"u-1\"", oldDay);
        archived.GetProperty("deleted").GetInt64().ShouldBe(100);
        archived.GetProperty("archiveObjectsRewritten").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        archived.GetProperty("segmentsRewritten").GetInt32().ShouldBe(0);
        var hot = await DeleteAsync(admin, "user_id=\"u-2\" AND message CONTAINS \"today\"", ArchiveStack.StartOfDay(0));
        hot.GetProperty("deleted").GetInt64().ShouldBe(30);
        hot.GetProperty("segmentsRewritten").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        hot.GetProperty("archiveObjectsRewritten").GetInt32().ShouldBe(0);

        var left = await stack.QueryAllAsync(key, "", from, to);
        left.Count.ShouldBe(330 + 90 - 130);
        left.ShouldNotContain(r => r.GetProperty("message").GetString()!.StartsWith("old") && User(r) == "u-1");
        left.ShouldNotContain(r => r.GetProperty("message").GetString()!.StartsWith("today") && User(r) == "u-2");
        left.Count(r => r.GetProperty("message").GetString()!.StartsWith("before") && User(r) == "u-1").ShouldBe(10);
        left.Count(r => r.GetProperty("message").GetString()!.StartsWith("today") && User(r) == "u-1").ShouldBe(30);

        using var viewer = stack.Stack.Client("query", viewerKey);
        (await viewer.PostAsJsonAsync("/api/v1/logs/delete", new { query = "user_id=\"u-3\"", day = oldDay.ToString("yyyy-MM-dd") }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync("/api/v1/logs/delete", new { query = "user_id=\"u-3\"" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/logs/delete", new { query = "user_id=\"u-3\" | count", day = oldDay.ToString("yyyy-MM-dd") }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stack.QueryAllAsync(key, "user_id=\"u-3\"", from, to)).Count.ShouldBe(100 + 10 + 30);

        await Eventually.Until(async () => (await stack.AuditAsync(tenant, "tenant.data-purged.v1")).Count == 2, TimeSpan.FromSeconds(15),
            "both deletions are in the audit trail");
        var audit = (await stack.AuditAsync(tenant, "tenant.data-purged.v1")).Select(e => e.GetProperty("data")).ToList();
        audit.ShouldAllBe(d => d.GetProperty("reason").GetString() == "delete-by-query");
        audit.Select(d => d.GetProperty("query").GetString()).ShouldBe(["user_id=\"u-1\"", "user_id=\"u-2\" AND message CONTAINS \"today\""]);
        audit.Select(d => d.GetProperty("lines").GetInt64()).ShouldBe([100L, 30L]);
    }

    static string? User(JsonElement line) =>
        line.GetProperty("attributes").TryGetProperty("user_id", out var user) ? user.GetString() : null;

    static async Task<JsonElement> DeleteAsync(HttpClient client, string query, DateTimeOffset day)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/logs/delete", new { query, day = day.ToString("yyyy-MM-dd") });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        return body;
    }

    /// <summary>Lines one minute apart (a second for recent ones, which must not reach the future), users u-1, u-2, u-3 in turn.</summary>
    async Task PublishAsync(string tenant, string label, long startNanos, int count)
    {
        var step = startNanos > QueryStack.NowNanos() - 3_600_000_000_000L ? 1_000_000_000L : 60_000_000_000L;
        var records = Enumerable.Range(0, count).Select(i => QueryStack.Record(tenant, $"{label} line {i}", startNanos + i * step,
            attributes: new Dictionary<string, string> { ["user_id"] = $"u-{i % 3 + 1}" })).ToList();
        foreach (var chunk in records.Chunk(200)) await stack.PublishProcessedAsync(tenant, chunk);
    }
}
