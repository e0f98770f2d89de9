using System.Buffers;
using System.Text.Json;
using Ingestion.Protocols.Elasticsearch;

namespace Ingestion.Tests;

public sealed class WritingBulkResponses
{
    static JsonElement Write(IReadOnlyList<BulkItem> items)
    {
        var output = new ArrayBufferWriter<byte>();
        BulkResponseWriter.Write(output, items, tookMilliseconds: 7);
        return JsonDocument.Parse(output.WrittenMemory).RootElement;
    }

    [Fact]
    public void answers_created_items_like_elasticsearch()
    {
        var response = Write([new BulkItem(BulkAction.Create, "logs", "id-1", 201, null, 0)]);

        response.GetProperty("took").GetInt64().ShouldBe(7);
        response.GetProperty("errors").GetBoolean().ShouldBeFalse();
        var item = response.GetProperty("items")[0].GetProperty("create");
        item.GetProperty("_index").GetString().ShouldBe("logs");
        item.GetProperty("_id").GetString().ShouldBe("id-1");
        item.GetProperty("_version").GetInt32().ShouldBe(1);
        item.GetProperty("result").GetString().ShouldBe("created");
        item.GetProperty("status").GetInt32().ShouldBe(201);
        item.GetProperty("_shards").GetProperty("successful").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void answers_rate_limited_and_failed_items_with_their_status_and_error()
    {
        var parsed = BulkParser.Parse(Requests.Utf8("""
            {"index":{"_index":"logs","_id":"a"}}
            {"message":"first"}
            {"index":{"_index":"logs","_id":"b"}}
            {"message":"over the limit"}
            {"delete":{"_index":"logs","_id":"c"}}
            """), null, Requests.Context);
        var items = parsed.Items.Select(item => item.AcceptedIndex >= 1 ? item.RateLimited() : item).ToList();

        var response = Write(items);

        response.GetProperty("errors").GetBoolean().ShouldBeTrue();
        var answered = response.GetProperty("items").EnumerateArray().ToList();
        answered[0].GetProperty("index").GetProperty("status").GetInt32().ShouldBe(201);
        var limited = answered[1].GetProperty("index");
        limited.GetProperty("_id").GetString().ShouldBe("b");
        limited.GetProperty("status").GetInt32().ShouldBe(429);
        limited.GetProperty("error").GetProperty("type").GetString().ShouldBe("es_rejected_execution_exception");
        var delete = answered[2].GetProperty("delete");
        delete.GetProperty("status").GetInt32().ShouldBe(400);
        delete.GetProperty("error").GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void answers_an_unreadable_request_with_an_elasticsearch_error_body()
    {
        var output = new ArrayBufferWriter<byte>();
        BulkResponseWriter.WriteError(output, "illegal_argument_exception", "Malformed action/metadata line [1]");
        var response = JsonDocument.Parse(output.WrittenMemory).RootElement;

        response.GetProperty("status").GetInt32().ShouldBe(400);
        var error = response.GetProperty("error");
        error.GetProperty("type").GetString().ShouldBe("illegal_argument_exception");
        error.GetProperty("root_cause")[0].GetProperty("reason").GetString().ShouldBe("Malformed action/metadata line [1]");
    }
}
