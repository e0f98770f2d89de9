using Contracts.Logs;
using Ingestion.Protocols.Elasticsearch;

namespace Ingestion.Tests;

public sealed class ParsingElasticsearchBulk
{
    static BulkParseResult Parse(string body, string? urlIndex = null) => BulkParser.Parse(Requests.Utf8(body), urlIndex, Requests.Context);

    [Fact]
    public void maps_ecs_fields_of_a_filebeat_style_document()
    {
        var result = Parse("""
            {"create":{"_index":"logs-app","_id":"evt-1"}}
            {"@timestamp":"2024-05-01T11:58:00.250Z","message":"GET /cart 500","log":{"level":"error","logger":"http"},"service":{"name":"cart","version":"2.1"},"host":{"name":"node-7","ip":["10.0.0.7"]},"trace":{"id":"ABC123"},"span":{"id":"def456"},"http.response.status_code":500}

            """);

        var record = Requests.Single(result.Records);
        record.Source.ShouldBe(LogSource.Elasticsearch);
        record.TimestampNanos.ShouldBe(Requests.Nanos("2024-05-01T11:58:00.25Z"));
        record.Message.ShouldBe("GET /cart 500");
        record.Level.ShouldBe(LogLevel.Error);
        record.Service.ShouldBe("cart");
        record.Host.ShouldBe("node-7");
        record.TraceId.ShouldBe("abc123");
        record.SpanId.ShouldBe("def456");
        record.EventId.ShouldBe("evt-1");
        record.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["log.logger"] = "http",
            ["service.version"] = "2.1",
            ["host.ip"] = """["10.0.0.7"]""",
            ["http.response.status_code"] = "500",
            ["index"] = "logs-app",
        }, ignoreOrder: true);
    }

    [Fact]
    public void reads_the_short_forms_and_epoch_millis()
    {
        var record = Requests.Single(Parse("""
            {"index":{}}
            {"@timestamp":1714564680000,"msg":"short","level":"warn","service":"api","host":"h1"}
            """, urlIndex: "from-url").Records);

        record.TimestampNanos.ShouldBe(1714564680000L * 1_000_000);
        record.Message.ShouldBe("short");
        record.Level.ShouldBe(LogLevel.Warn);
        record.Service.ShouldBe("api");
        record.Host.ShouldBe("h1");
        record.Attributes["index"].ShouldBe("from-url");
    }

    [Fact]
    public void prefers_message_and_keeps_the_other_candidates_as_attributes()
    {
        var record = Requests.Single(Parse("""
            {"create":{"_index":"x"}}
            {"message":"the message","log":"the log","msg":"the msg","log.level":"info","level":"debug"}
            """).Records);
        record.Message.ShouldBe("the message");
        record.Level.ShouldBe(LogLevel.Info);
        record.Attributes["log"].ShouldBe("the log");
        record.Attributes["msg"].ShouldBe("the msg");
        record.Attributes["level"].ShouldBe("debug");
    }

    [Fact]
    public void takes_the_index_from_the_action_before_the_url()
    {
        var result = Parse("""
            {"create":{"_index":"from-action"}}
            {"message":"a"}
            {"create":{}}
            {"message":"b"}
            """, urlIndex: "from-url");

        result.Records.Accepted.Select(r => r.Attributes["index"]).ShouldBe(["from-action", "from-url"]);
        result.Items.Select(i => i.Index).ShouldBe(["from-action", "from-url"]);
    }

    [Fact]
    public void describes_each_item_for_the_response()
    {
        var result = Parse("""
            {"create":{"_index":"logs","_id":"given"}}
            {"message":"kept"}
            {"delete":{"_index":"logs","_id":"old"}}
            {"update":{"_index":"logs","_id":"u1"}}
            {"doc":{"message":"changed"}}
            {"index":{"_index":"logs"}}
            {"message": broken}
            {"index":{"_index":"logs"}}
            {"message":"also kept"}
            """);

        result.Error.ShouldBeNull();
        result.Items.Select(i => (i.Action, i.Status)).ShouldBe([
            (BulkAction.Create, 201), (BulkAction.Delete, 400), (BulkAction.Update, 400), (BulkAction.Index, 400), (BulkAction.Index, 201)]);
        result.Items[0].Id.ShouldBe("given");
        result.Items[0].AcceptedIndex.ShouldBe(0);
        result.Items[4].AcceptedIndex.ShouldBe(1);
        result.Items[4].Id.Length.ShouldBe(20);
        result.Items[1].Error!.Type.ShouldBe("action_request_validation_exception");
        result.Items[3].Error!.Type.ShouldBe("document_parsing_exception");
        result.Records.Accepted.Select(r => r.Message).ShouldBe(["kept", "also kept"]);
        result.Records.Rejected.Select(r => r.Index).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void generates_distinct_ids_when_the_action_has_none()
    {
        var body = string.Concat(Enumerable.Repeat("{\"index\":{}}\n{\"message\":\"m\"}\n", 50));
        var ids = Parse(body, "logs").Items.Select(i => i.Id).ToList();
        ids.Distinct().Count().ShouldBe(50);
        Parse(body, "logs").Records.Accepted.ShouldAllBe(r => r.EventId == null);
    }

    [Fact]
    public async Task reads_a_gzip_bulk_body_once_it_is_decoded()
    {
        var wire = Requests.Gzip(Requests.Utf8("{\"create\":{\"_index\":\"logs\"}}\n{\"message\":\"zipped\"}\n"));
        using var body = await Ingestion.Protocols.RequestBody.ReadAsync(new MemoryStream(wire), "gzip", 1 << 20, 1 << 20, CancellationToken.None);
        Requests.Single(BulkParser.Parse(body.Span, null, Requests.Context).Records).Message.ShouldBe("zipped");
    }

    [Fact]
    public void rejects_a_document_without_any_index()
    {
        var result = Parse("{\"create\":{}}\n{\"message\":\"m\"}\n");
        var item = result.Items.ShouldHaveSingleItem();
        item.Status.ShouldBe(400);
        item.Error!.Reason.ShouldContain("index is missing");
    }

    [Fact]
    public void rejects_a_document_that_breaks_a_record_rule()
    {
        var item = Parse("""
            {"create":{"_index":"x"}}
            {"@timestamp":"2020-01-01T00:00:00Z","message":"ancient"}
            """).Items.ShouldHaveSingleItem();
        item.Status.ShouldBe(400);
        item.Error!.Reason.ShouldContain("in the past");
    }

    [Theory]
    [InlineData("{\"bogus\":{}}\n{}\n", "expected one of [create, delete, index, update] but found [bogus]")]
    [InlineData("[1,2]\n", "Malformed action/metadata line [1]")]
    [InlineData("{\"index\":{\"_index\":\"x\"}}\n", "without its document")]
    [InlineData("\n", "no requests added")]
    public void refuses_a_body_that_is_not_a_bulk_request(string body, string expected)
    {
        var result = Parse(body);
        result.Error.ShouldNotBeNull().ShouldContain(expected);
        result.ErrorType.ShouldNotBeNull();
        result.Items.ShouldBeEmpty();
    }
}
