using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Loki.Proto;
using Ingestion.Protocols.Otlp.Proto;
using LogLevel = Contracts.Logs.LogLevel;

namespace Ingestion.IntegrationTests;

/// <summary>Each protocol end to end: the request as its agents send it, the protocol's own answer, the records on logs.raw.</summary>
[Collection(IngestionCollection.Name)]
public sealed class ShippingWithEveryProtocol(IngestionStack stack)
{
    static long NowNanos => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;

    [Fact]
    public async Task elasticsearch_bulk_answers_per_item_and_the_handshake_looks_like_elasticsearch_8()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var client = stack.Ingestion(key);
        using var root = await client.GetAsync("/");
        root.Headers.GetValues("X-Elastic-Product").ShouldBe(["Elasticsearch"]);
        (await root.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetProperty("number").GetString()!.ShouldStartWith("8.");

        var body = $$$"""
            {"create":{"_index":"app-logs"}}
            {"@timestamp":"{{{DateTimeOffset.UtcNow:O}}}","message":"disk full","log.level":"error","host.name":"web-1"}
            {"index":{}}
            {"@timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"message":"ok","service.name":"web"}
            {"delete":{"_index":"x","_id":"1"}}

            """;
        using var response = await client.PostAsync("/app-logs/_bulk", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        answer.GetProperty("errors").GetBoolean().ShouldBeTrue();
        answer.GetProperty("items").EnumerateArray().Select(i => i.EnumerateObject().Single().Value.GetProperty("status").GetInt32()).ShouldBe([201, 201, 400]);
        var records = stack.ReadLogsRaw(tenantId, atLeast: 2).Select(r => r.Record).ToList();
        records.Single(r => r.Message == "disk full").Host.ShouldBe("web-1");
        records.Single(r => r.Message == "disk full").Level.ShouldBe(LogLevel.Error);
        records.Single(r => r.Message == "ok").Service.ShouldBe("web");
    }

    [Fact]
    public async Task loki_push_takes_json_and_snappy_protobuf_with_labels_as_fields()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var client = stack.Ingestion(key);
        var json = JsonSerializer.Serialize(new
        {
            streams = new[] { new { stream = new Dictionary<string, string> { ["app"] = "checkout", ["level"] = "warn" },
                values = new[] { new object[] { NowNanos.ToString(), "json line", new Dictionary<string, string> { ["user"] = "42" } } } } },
        });
        using var jsonResponse = await client.PostAsync("/loki/api/v1/push", new StringContent(json, Encoding.UTF8, "application/json"));

        var push = new PushRequest();
        push.Streams.Add(new StreamAdapter
        {
            Labels = """{app="checkout", env="prod"}""",
            Entries = { new EntryAdapter { Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow), Line = "protobuf line" } },
        });
        var protobuf = new ByteArrayContent(IronSnappy.Snappy.Encode(push.ToByteArray()));
        protobuf.Headers.ContentType = new("application/x-protobuf");
        using var protoResponse = await client.PostAsync("/loki/api/v1/push", protobuf);

        jsonResponse.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        protoResponse.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var records = stack.ReadLogsRaw(tenantId, atLeast: 2).Select(r => r.Record).ToList();
        var fromJson = records.Single(r => r.Message == "json line");
        fromJson.Service.ShouldBe("checkout");
        fromJson.Level.ShouldBe(LogLevel.Warn);
        fromJson.Attributes["user"].ShouldBe("42");
        records.Single(r => r.Message == "protobuf line").Attributes["env"].ShouldBe("prod");
    }

    [Fact]
    public async Task otlp_takes_protobuf_and_json_and_reports_partial_success()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var client = stack.Ingestion(key);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(new ResourceLogs
        {
            Resource = new Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "billing" } } } },
            ScopeLogs =
            {
                new ScopeLogs
                {
                    LogRecords =
                    {
                        new LogRecord { TimeUnixNano = (ulong)NowNanos, SeverityNumber = SeverityNumber.Error, Body = new AnyValue { StringValue = "card declined" } },
                        new LogRecord { TimeUnixNano = 1, Body = new AnyValue { StringValue = "from 1970" } },
                    },
                },
            },
        });
        var protobuf = new ByteArrayContent(request.ToByteArray());
        protobuf.Headers.ContentType = new("application/x-protobuf");
        using var protoResponse = await client.PostAsync("/v1/logs", protobuf);

        var json = """{"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"billing"}}]},"scopeLogs":[{"logRecords":[{"timeUnixNano":"NOW","severityText":"INFO","body":{"stringValue":"json export"}}]}]}]}"""
            .Replace("NOW", NowNanos.ToString());
        using var jsonResponse = await client.PostAsync("/v1/logs", new StringContent(json, Encoding.UTF8, "application/json"));

        protoResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        ExportLogsServiceResponse.Parser.ParseFrom(await protoResponse.Content.ReadAsByteArrayAsync()).PartialSuccess.RejectedLogRecords.ShouldBe(1);
        jsonResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var records = stack.ReadLogsRaw(tenantId, atLeast: 2).Select(r => r.Record).ToList();
        records.Select(r => r.Message).Order().ShouldBe(["card declined", "json export"]);
        records.ShouldAllBe(r => r.Service == "billing");
    }

    [Fact]
    public async Task seq_clef_answers_201_with_the_tenants_minimum_level()
    {
        var (tenantId, key) = await stack.TenantAsync();
        (await stack.Stack.Client("tenancy", key).PatchAsJsonAsync($"/api/v1/tenants/{tenantId}", new { minimumLevel = "info" })).EnsureSuccessStatusCode();
        var client = stack.Ingestion();
        client.DefaultRequestHeaders.Add("X-Seq-ApiKey", key);
        var clef = $$"""
            {"@t":"{{DateTimeOffset.UtcNow:O}}","@mt":"User {UserId} signed in","UserId":7}
            {"@t":"{{DateTimeOffset.UtcNow:O}}","@m":"boom","@l":"Error","@x":"System.Exception: boom"}
            """;

        await TestInfrastructure.Eventually.Until(async () =>
        {
            using var probe = await client.PostAsync("/ingest/clef", new StringContent("", Encoding.UTF8, "application/vnd.serilog.clef"));
            return (await probe.Content.ReadAsStringAsync()).Contains("Information");
        }, TimeSpan.FromSeconds(10), "Ingestion learned the new minimum level");

        using var response = await client.PostAsync("/api/events/raw?clef", new StringContent(clef, Encoding.UTF8, "application/vnd.serilog.clef"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("MinimumLevelAccepted").GetString().ShouldBe("Information");
        var records = stack.ReadLogsRaw(tenantId, atLeast: 2).Select(r => r.Record).ToList();
        records.ShouldContain(r => r.Message == "User 7 signed in");
        records.Single(r => r.Message == "boom").Attributes["exception"].ShouldContain("System.Exception");
    }
}
