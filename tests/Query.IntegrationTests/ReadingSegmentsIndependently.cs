using System.Diagnostics;
using System.Text.Json;
using BuildingBlocks.DevHosting;
using TestInfrastructure;

namespace Query.IntegrationTests;

[Collection(QueryCollection.Name)]
public sealed class ReadingSegmentsIndependently(QueryStack stack)
{
    internal static readonly string[] Schema =
    [
        "timestamp TIMESTAMP_NS", "observed_timestamp TIMESTAMP_NS", "level VARCHAR", "service VARCHAR", "host VARCHAR",
        "message VARCHAR", "trace_id VARCHAR", "span_id VARCHAR", "attributes MAP(VARCHAR, VARCHAR)", "source VARCHAR",
        "event_id VARCHAR", "row_id BIGINT",
    ];

    [Fact]
    public async Task another_parquet_reader_finds_the_documented_schema_and_every_row()
    {
        var (tenant, key) = await stack.OnboardAsync();
        var now = QueryStack.NowNanos();
        for (var batch = 0; batch < 3; batch++)
            await stack.PublishProcessedAsync(tenant, [.. Enumerable.Range(0, 1000).Select(i => QueryStack.Record(tenant, $"line {batch}-{i}", now - i * 1000,
                attributes: new Dictionary<string, string> { ["http.status"] = "200" }))]);
        var tenantFolder = Path.Combine(stack.SegmentsDirectory, "tenant_id=" + tenant);
        await Eventually.Until(() => ManifestRows(tenantFolder) == 3000, TimeSpan.FromSeconds(15), "all 3,000 lines are flushed into segments");

        var files = ReadWithNode(tenantFolder);

        files.Sum(f => f.GetProperty("rows").GetInt32()).ShouldBe(3000);
        foreach (var file in files)
            file.GetProperty("columns").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("type").GetString()}")
                .ShouldBe(Schema);
        (await stack.QueryAsync(key, "http.status=200", limit: 1000)).GetProperty("count").GetInt32().ShouldBe(1000);
    }

    internal static long ManifestRows(string tenantFolder) =>
        !Directory.Exists(tenantFolder) ? 0 : Directory.EnumerateFiles(tenantFolder, "manifest-p*.json")
            .Sum(m => JsonDocument.Parse(File.ReadAllText(m)).RootElement.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("rows").GetInt64()));

    internal static List<JsonElement> ReadWithNode(string tenantFolder)
    {
        var modules = Path.Combine(RepositoryLayout.FindRoot(), ".platform", "tools", "node_modules");
        var script = Path.Combine(AppContext.BaseDirectory, "read-segments.mjs");
        using var node = Process.Start(new ProcessStartInfo("node", [script, modules, tenantFolder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = node.StandardOutput.ReadToEnd();
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        node.ExitCode.ShouldBe(0, error);
        return [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
