using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Contracts.Logs;
using TestInfrastructure;

namespace Query.IntegrationTests.Archive;

[Collection(ArchiveCollection.Name)]
public sealed class TieringToTheArchive(ArchiveStack stack)
{
    [Fact]
    public async Task a_query_spanning_hot_and_archive_returns_exactly_the_union_newest_first()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var sent = new List<LogRecord>();
        foreach (var (label, start) in new[] { ("d2", ArchiveStack.StartOfDay(-2).AddHours(12)), ("d1", ArchiveStack.StartOfDay(-1).AddHours(12)) })
            sent.AddRange(await PublishAsync(tenant, label, ArchiveStack.Nanos(start), 400, stepNanos: 1_000_000_000));
        sent.AddRange(await PublishAsync(tenant, "now", QueryStack.NowNanos() - 120_000_000_000, 400, stepNanos: 10_000_000));
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 800, TimeSpan.FromSeconds(60), "both old days are archived");

        var from = ArchiveStack.StartOfDay(-3);
        var to = DateTimeOffset.UtcNow.AddMinutes(1);
        var all = await stack.QueryAllAsync(key, "", from, to, pageSize: 150);

        all.Select(r => r.GetProperty("message").GetString())
            .ShouldBe(sent.OrderByDescending(r => r.TimestampNanos).Select(r => r.Message));
        var page = await stack.QueryAsync(key, "", from, to, limit: 1000);
        var tiers = page.GetProperty("stats").GetProperty("tiers").EnumerateArray().Select(t => t.GetString()).ToList();
        tiers.ShouldContain("archive");
        page.GetProperty("stats").GetProperty("archiveObjectsScanned").GetInt32().ShouldBeGreaterThanOrEqualTo(2);

        var needle = await stack.QueryAsync(key, "\"d2 line 17\"", from, to);
        needle.GetProperty("count").GetInt32().ShouldBe(1);

        var objects = await stack.ArchiveObjectsAsync(tenant);
        objects.Select(o => o.Name).ShouldAllBe(name => Regex.IsMatch(name, $@"^logs/tenant_id={tenant}/dt=\d{{4}}-\d\d-\d\d/part-[0-9a-f]{{16}}\.parquet$"));
        objects.Select(o => o.Name[(o.Name.IndexOf("dt=", StringComparison.Ordinal) + 3)..][..10]).Distinct().Order()
            .ShouldBe([ArchiveStack.StartOfDay(-2).ToString("yyyy-MM-dd"), ArchiveStack.StartOfDay(-1).ToString("yyyy-MM-dd")]);
    }

    [Fact]
    public async Task another_parquet_reader_reads_the_archive_objects_with_the_documented_schema()
    {
        var (tenant, _) = await stack.OnboardAsync();
        await PublishAsync(tenant, "old", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-3).AddHours(6)), 1500, stepNanos: 2_000_000_000,
            attributes: new Dictionary<string, string> { ["user_id"] = "u-1" });
        await Eventually.Until(async () => stack.ArchivedRows(tenant) == 1500
                && (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name).Order().SequenceEqual(stack.Catalog(tenant).Select(o => o.Blob).Order()),
            TimeSpan.FromSeconds(60), "the day is archived and objects merged away are deleted");

        var folder = Path.Combine(Path.GetTempPath(), "archive-read-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var item in await stack.ArchiveObjectsAsync(tenant))
            {
                var local = Path.Combine(folder, item.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await File.WriteAllBytesAsync(local, (await stack.Blobs.GetBlobAsync("tenant-" + tenant, item.Name))!);
            }
            var files = ReadingSegmentsIndependently.ReadWithNode(folder);

            files.Sum(f => f.GetProperty("rows").GetInt32()).ShouldBe(1500);
            foreach (var file in files)
                file.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()}")
                    .ShouldBe(ReadingSegmentsIndependently.Schema);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task a_crash_during_upload_or_before_its_commit_loses_and_duplicates_nothing()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var upload = stack.BlobProxy.StallNextAsync($"PUT /devstoreaccount1/tenant-{tenant}/logs/");
        await PublishAsync(tenant, "crash", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-4).AddHours(3)), 600, stepNanos: 5_000_000_000);

        await upload.WaitAsync(TimeSpan.FromSeconds(60));
        var verification = stack.BlobProxy.StallNextAsync($"HEAD /devstoreaccount1/tenant-{tenant}/logs/");
        await stack.Stack.CrashAndRestartAsync("query"); // killed while the object is being uploaded
        await verification.WaitAsync(TimeSpan.FromSeconds(60));
        (await stack.ArchiveObjectsAsync(tenant)).Count.ShouldBe(1); // uploaded, not yet verified nor committed
        await stack.Stack.CrashAndRestartAsync("query"); // killed between upload and commit

        await Eventually.Until(() => stack.ArchivedRows(tenant) == 600, TimeSpan.FromSeconds(60), "the day is archived after the crashes");
        var all = await stack.QueryAllAsync(key, "", ArchiveStack.StartOfDay(-5), DateTimeOffset.UtcNow.AddMinutes(1), pageSize: 1000);
        all.Count.ShouldBe(600);
        all.Select(r => r.GetProperty("message").GetString()).Distinct().Count().ShouldBe(600);
        await Eventually.Until(async () => (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name).Order()
            .SequenceEqual(stack.Catalog(tenant).Select(o => o.Blob).Order()), TimeSpan.FromSeconds(15), "blob storage holds exactly what the catalog lists");
    }

    [Fact]
    public async Task late_lines_of_an_archived_day_are_merged_into_one_object_of_that_day()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var day = ArchiveStack.StartOfDay(-6);
        await PublishAsync(tenant, "first", ArchiveStack.Nanos(day.AddHours(1)), 200, stepNanos: 60_000_000_000);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 200, TimeSpan.FromSeconds(60), "the day is archived");
        await PublishAsync(tenant, "late", ArchiveStack.Nanos(day.AddHours(20)), 50, stepNanos: 60_000_000_000);

        await Eventually.Until(() => stack.ArchivedRows(tenant) == 250 && stack.Catalog(tenant).Count == 1, TimeSpan.FromSeconds(60),
            "the late lines are merged into the day's object");
        await Eventually.Until(async () => (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name).SequenceEqual(stack.Catalog(tenant).Select(o => o.Blob)),
            TimeSpan.FromSeconds(15), "the merged objects are deleted");
        (await stack.QueryAllAsync(key, "", day, day.AddDays(1).AddMinutes(1))).Count.ShouldBe(250);
    }

    [Fact]
    public async Task a_tenant_with_its_own_hot_window_is_archived_sooner_than_the_platform_default()
    {
        var (quick, quickKey) = await stack.OnboardAsync();
        var (standard, _) = await stack.OnboardAsync();
        using (var tenancy = stack.Stack.Client("tenancy", quickKey))
            (await tenancy.PatchAsJsonAsync($"/api/v1/tenants/{quick}", new { hotWindowMinutes = 1 })).EnsureSuccessStatusCode();
        var fiveMinutesAgo = QueryStack.NowNanos() - 300_000_000_000L;
        await PublishAsync(quick, "quick", fiveMinutesAgo, 100, stepNanos: 1_000_000_000);
        await PublishAsync(standard, "standard", fiveMinutesAgo, 100, stepNanos: 1_000_000_000);

        await Eventually.Until(() => stack.ArchivedRows(quick) == 100 && ReadingSegmentsIndependently.ManifestRows(stack.TenantFolder(standard)) == 100,
            TimeSpan.FromSeconds(60), "the lines past the tenant's 1-minute window are archived, the other tenant's are in hot segments");
        // Two more objects archived one after the other: the round that archived the first one had the other tenant's
        // segments from its start, and it ended before the second one.
        await ArchiveMoreAsync(quick, "marker-1", fiveMinutesAgo);
        await ArchiveMoreAsync(quick, "marker-2", fiveMinutesAgo);
        stack.ArchivedRows(standard).ShouldBe(0); // the platform's window here is an hour
        (await stack.QueryAsync(quickKey, "quick")).GetProperty("count").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task a_read_model_that_lost_its_catalog_never_deletes_objects_it_does_not_know()
    {
        var (tenant, _) = await stack.OnboardAsync();
        await PublishAsync(tenant, "first", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-8).AddHours(5)), 100, stepNanos: 1_000_000_000);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 100, TimeSpan.FromSeconds(60), "the first day is archived");
        var known = (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name).ToList();
        known.Count.ShouldBe(1);

        // A lost disk (or another node taking the tenant over): the read model starts without this catalog.
        await stack.Stack.CrashAndRestartAsync("query", beforeStart: () => File.Delete(Path.Combine(stack.TenantFolder(tenant), "archive.json")));
        await PublishAsync(tenant, "second", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-7).AddHours(5)), 100, stepNanos: 1_000_000_000);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == 100 && stack.Catalog(tenant).Single().Blob.Contains("dt=" + ArchiveStack.StartOfDay(-7).ToString("yyyy-MM-dd")),
            TimeSpan.FromSeconds(60), "the second day is archived by the fresh read model");
        await ArchiveMoreAsync(tenant, "marker", ArchiveStack.Nanos(ArchiveStack.StartOfDay(-6).AddHours(5))); // a whole round later

        (await stack.ArchiveObjectsAsync(tenant)).Select(o => o.Name).ShouldContain(known[0]);
    }

    /// <summary>Ten more lines of the tenant, archived: a maintenance round that started after this call has ended.</summary>
    async Task ArchiveMoreAsync(string tenant, string label, long startNanos)
    {
        var before = stack.ArchivedRows(tenant);
        await PublishAsync(tenant, label, startNanos, 10, stepNanos: 1_000_000_000);
        await Eventually.Until(() => stack.ArchivedRows(tenant) == before + 10, TimeSpan.FromSeconds(60), $"the '{label}' lines are archived");
    }

    async Task<List<LogRecord>> PublishAsync(string tenant, string label, long startNanos, int count, long stepNanos,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        var records = Enumerable.Range(0, count)
            .Select(i => QueryStack.Record(tenant, $"{label} line {i}", startNanos + i * stepNanos, attributes: attributes)).ToList();
        foreach (var chunk in records.Chunk(200)) await stack.PublishProcessedAsync(tenant, chunk);
        return records;
    }
}
