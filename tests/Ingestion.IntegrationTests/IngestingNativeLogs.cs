using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ingestion.IntegrationTests;

[Collection(IngestionCollection.Name)]
public sealed class IngestingNativeLogs(IngestionStack stack)
{
    [Fact]
    public async Task puts_accepted_records_on_logs_raw_and_reports_the_bad_one_beside_them()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var now = DateTimeOffset.UtcNow;
        var body = new object[]
        {
            new { timestamp = now, level = "ERROR", service = "api", instance = "api-1", message = "timeout calling db", traceId = "4bf92f3577b34da6a3ce929d0e0e4736", metadata = new { region = "eu" } },
            new { timestamp = now, level = "info", service = "api", text = "no message field" },
            new { timestamp = now.ToUnixTimeMilliseconds(), level = "warn", service = "web", message = "slow page" },
        };

        using var response = await stack.Ingestion(key).PostAsJsonAsync("/api/v1/logs", body);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("status").GetString().ShouldBe("accepted");
        answer.GetProperty("ingestedCount").GetInt32().ShouldBe(2);
        answer.GetProperty("rejected").EnumerateArray().Single().GetProperty("index").GetInt32().ShouldBe(1);
        response.Headers.GetValues("X-RateLimit-Limit").ShouldNotBeEmpty();

        var records = stack.ReadLogsRaw(tenantId, atLeast: 2).Select(r => r.Record).ToList();
        records.Count.ShouldBe(2);
        var error = records.Single(r => r.Service == "api");
        error.Level.ShouldBe(Contracts.Logs.LogLevel.Error);
        error.Host.ShouldBe("api-1");
        error.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        error.Attributes["region"].ShouldBe("eu");
        error.Tenant.ShouldBe(tenantId);
    }

    [Fact]
    public async Task accepts_gzip_ndjson()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var ndjson = string.Join('\n', Enumerable.Range(0, 500).Select(i =>
            JsonSerializer.Serialize(new { timestamp = DateTimeOffset.UtcNow, level = "info", service = "batch", message = $"line {i}" })));
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) await gzip.WriteAsync(Encoding.UTF8.GetBytes(ndjson));
        var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/x-ndjson");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await stack.Ingestion(key).PostAsync("/api/v1/logs", content);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestedCount").GetInt32().ShouldBe(500);
        stack.ReadLogsRaw(tenantId, atLeast: 500).Select(r => r.Record.Message).Distinct().Count().ShouldBe(500);
    }

    [Fact]
    public async Task answers_400_for_a_body_that_is_not_json_at_all()
    {
        var (_, key) = await stack.TenantAsync();

        using var response = await stack.Ingestion(key).PostAsync("/api/v1/logs", new StringContent("{{{ not json", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejected").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
