using Contracts.Logs;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ingestion.Protocols;
using Ingestion.Protocols.Loki;
using Ingestion.Protocols.Loki.Proto;

namespace Ingestion.Tests;

public sealed class ParsingLokiPush
{
    static readonly long T1 = Requests.Nanos(TimeSpan.FromMinutes(-1)) + 123;
    static readonly long T2 = Requests.Nanos(TimeSpan.FromSeconds(-30));

    static ParseResult ParseJson(string body) => LokiPushParser.Parse(Requests.Utf8(body), "application/json", Requests.Context);

    static byte[] SnappyProtobuf(PushRequest request) => IronSnappy.Snappy.Encode(request.ToByteArray());

    static Timestamp At(long unixNanos) => new() { Seconds = unixNanos / 1_000_000_000, Nanos = (int)(unixNanos % 1_000_000_000) };

    [Fact]
    public void reads_json_streams_and_their_entries()
    {
        var result = ParseJson($$"""
            {"streams":[
              {"stream":{"service_name":"checkout","level":"warn","host":"node-1","env":"prod"},
               "values":[["{{T1}}","first line"],["{{T2}}","second line"]]}]}
            """);

        result.Error.ShouldBeNull();
        result.Accepted.Count.ShouldBe(2);
        var first = result.Accepted[0];
        first.Source.ShouldBe(LogSource.Loki);
        first.TimestampNanos.ShouldBe(T1);
        first.Message.ShouldBe("first line");
        first.Level.ShouldBe(LogLevel.Warn);
        first.Service.ShouldBe("checkout");
        first.Host.ShouldBe("node-1");
        first.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["service_name"] = "checkout", ["level"] = "warn", ["host"] = "node-1", ["env"] = "prod",
        }, ignoreOrder: true);
        result.Accepted[1].TimestampNanos.ShouldBe(T2);
    }

    [Fact]
    public void keeps_structured_metadata_as_attributes()
    {
        var record = Requests.Single(ParseJson($$$"""
            {"streams":[{"values":[["{{{T1}}}","with metadata",{"user":"42","trace_id":"ABCDEF","span_id":"0102"}]],
                          "stream":{"app":"web"}}]}
            """));

        record.Service.ShouldBe("web");
        record.TraceId.ShouldBe("abcdef");
        record.SpanId.ShouldBe("0102");
        record.Attributes.ShouldBe(new Dictionary<string, string> { ["app"] = "web", ["user"] = "42" }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("detected_level", "error", LogLevel.Error)]
    [InlineData("severity", "critical", LogLevel.Fatal)]
    public void reads_the_level_from_alternative_labels(string label, string value, LogLevel expected)
    {
        Requests.Single(ParseJson($$"""{"streams":[{"stream":{"{{label}}":"{{value}}"},"values":[["{{T1}}","x"]]}]}""")).Level.ShouldBe(expected);
    }

    [Theory]
    [InlineData("service", "svc")]
    [InlineData("app", "svc")]
    [InlineData("job", "svc")]
    public void reads_the_service_from_alternative_labels(string label, string value)
    {
        Requests.Single(ParseJson($$"""{"streams":[{"stream":{"{{label}}":"{{value}}","instance":"i-1"},"values":[["{{T1}}","x"]]}]}""")).ShouldSatisfyAllConditions(
            record => record.Service.ShouldBe(value),
            record => record.Host.ShouldBe("i-1"));
    }

    [Fact]
    public void rejects_a_bad_entry_and_keeps_the_others_numbered_across_streams()
    {
        var result = ParseJson($$"""
            {"streams":[
              {"stream":{"a":"1"},"values":[["{{T1}}","ok"],["yesterday","bad time"]]},
              {"stream":{"a":"2"},"values":[["{{T2}}",42],["{{T2}}","ok too"]]}]}
            """);

        result.Accepted.Select(r => r.Message).ShouldBe(["ok", "ok too"]);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 2]);
        result.Rejected[0].Reason.ShouldContain("timestamp");
        result.Rejected[1].Reason.ShouldContain("line must be a string");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"streams\":[")]
    [InlineData("{\"other\":1}")]
    public void answers_an_unreadable_json_body_with_a_top_level_error(string body) => ParseJson(body).IsMalformed.ShouldBeTrue();

    [Fact]
    public void reads_a_snappy_compressed_protobuf_push()
    {
        var request = new PushRequest
        {
            Streams =
            {
                new StreamAdapter
                {
                    Labels = """{service_name="billing", level="error", quote="a \"b\""}""",
                    Entries =
                    {
                        new EntryAdapter { Timestamp = At(T1), Line = "payment failed" },
                        new EntryAdapter
                        {
                            Timestamp = At(T2), Line = "retrying",
                            StructuredMetadata = { new LabelPairAdapter { Name = "attempt", Value = "2" }, new LabelPairAdapter { Name = "trace_id", Value = "CAFE" } },
                        },
                    },
                },
            },
        };

        var result = LokiPushParser.Parse(SnappyProtobuf(request), "application/x-protobuf", Requests.Context);

        result.Error.ShouldBeNull();
        result.Accepted.Count.ShouldBe(2);
        var failed = result.Accepted[0];
        failed.TimestampNanos.ShouldBe(T1);
        failed.Message.ShouldBe("payment failed");
        failed.Level.ShouldBe(LogLevel.Error);
        failed.Service.ShouldBe("billing");
        failed.Attributes["quote"].ShouldBe("a \"b\"");
        var retry = result.Accepted[1];
        retry.TimestampNanos.ShouldBe(T2);
        retry.Attributes["attempt"].ShouldBe("2");
        retry.TraceId.ShouldBe("cafe");
    }

    [Fact]
    public void rejects_the_entries_of_a_stream_with_unreadable_labels()
    {
        var request = new PushRequest
        {
            Streams =
            {
                new StreamAdapter { Labels = "{broken", Entries = { new EntryAdapter { Timestamp = At(T1), Line = "lost" } } },
                new StreamAdapter { Labels = "{a=\"1\"}", Entries = { new EntryAdapter { Timestamp = At(T1), Line = "kept" } } },
            },
        };

        var result = LokiPushParser.ParseProtobuf(SnappyProtobuf(request), Requests.Context);

        result.Accepted.ShouldHaveSingleItem().Message.ShouldBe("kept");
        result.Rejected.ShouldHaveSingleItem().Index.ShouldBe(0);
    }

    [Fact]
    public void answers_a_body_that_is_not_snappy_protobuf_with_a_top_level_error()
    {
        LokiPushParser.ParseProtobuf(Requests.Utf8("{\"streams\":[]}"), Requests.Context).IsMalformed.ShouldBeTrue();
        LokiPushParser.ParseProtobuf(IronSnappy.Snappy.Encode([0xFF, 0xFF, 0xFF]), Requests.Context).IsMalformed.ShouldBeTrue();
    }

    [Fact]
    public async Task reads_a_gzip_json_push_once_the_body_is_decoded()
    {
        var wire = Requests.Gzip(Requests.Utf8($$"""{"streams":[{"stream":{"app":"a"},"values":[["{{T1}}","zipped"]]}]}"""));
        using var body = await RequestBody.ReadAsync(new MemoryStream(wire), "gzip", 1 << 20, 1 << 20, CancellationToken.None);
        Requests.Single(LokiPushParser.Parse(body.Span, "application/json", Requests.Context)).Message.ShouldBe("zipped");
    }
}
