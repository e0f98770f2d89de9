using Contracts.Logs;
using Ingestion.Protocols.Native;

namespace Ingestion.Tests;

public sealed class ParsingNativeLogs
{
    static Ingestion.Protocols.ParseResult Parse(string body) => NativeLogParser.Parse(Requests.Utf8(body), Requests.Context);

    const string Full = """
        {"timestamp":"2024-05-01T11:59:00.123456789Z","level":"WARNING","service":"checkout","instance":"web-1",
         "message":"card declined","traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"00F067AA0BA902B7",
         "metadata":{"http":{"status":402,"path":"/pay"},"retry":true,"tags":["a", "b"],"none":null},"region":"eu-west"}
        """;

    [Fact]
    public void maps_every_documented_field()
    {
        var record = Requests.Single(Parse($"[{Full}]"));

        record.Tenant.ShouldBe(Requests.Tenant);
        record.Source.ShouldBe(LogSource.Native);
        record.TimestampNanos.ShouldBe(Requests.Nanos("2024-05-01T11:59:00Z") + 123_456_789);
        record.ObservedNanos.ShouldBe(Requests.ReceivedNanos);
        record.Level.ShouldBe(LogLevel.Warn);
        record.Service.ShouldBe("checkout");
        record.Host.ShouldBe("web-1");
        record.Message.ShouldBe("card declined");
        record.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        record.SpanId.ShouldBe("00f067aa0ba902b7");
    }

    [Fact]
    public void flattens_metadata_and_keeps_unknown_fields_as_attributes()
    {
        var record = Requests.Single(Parse(Full));

        record.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["http.status"] = "402",
            ["http.path"] = "/pay",
            ["retry"] = "true",
            ["tags"] = """["a","b"]""",
            ["region"] = "eu-west",
        }, ignoreOrder: true);
    }

    [Fact]
    public void reads_an_array_a_logs_wrapper_and_ndjson_alike()
    {
        const string a = """{"message":"one","timestamp":1714564700}""";
        const string b = """{"message":"two","timestamp":1714564700000}""";

        foreach (var body in new[] { $"[{a},{b}]", $$"""{"logs":[{{a}},{{b}}]}""", $"{a}\n{b}\n", $"\r\n{a}\r\n\r\n{b}" })
        {
            var result = Parse(body);
            result.Error.ShouldBeNull();
            result.Accepted.Select(r => r.Message).ShouldBe(["one", "two"]);
            result.Accepted.ShouldAllBe(r => r.TimestampNanos == 1714564700_000_000_000);
        }
    }

    [Fact]
    public void reads_a_single_record_object_even_across_lines()
    {
        var record = Requests.Single(Parse("{\n  \"message\": \"alone\",\n  \"level\": \"error\"\n}"));
        record.Message.ShouldBe("alone");
        record.Level.ShouldBe(LogLevel.Error);
    }

    [Fact]
    public void understands_epoch_seconds_milliseconds_and_nanoseconds()
    {
        var result = Parse("""
            {"message":"s","timestamp":1714564700.5}
            {"message":"ms","timestamp":1714564700500}
            {"message":"ns","timestamp":1714564700500000000}
            {"message":"text ns","timestamp":"1714564700500000000"}
            """);
        result.Accepted.Count.ShouldBe(4);
        result.Accepted.ShouldAllBe(r => r.TimestampNanos == 1714564700_500_000_000);
    }

    [Fact]
    public void uses_the_arrival_time_when_there_is_no_timestamp()
    {
        Requests.Single(Parse("""{"message":"now"}""")).TimestampNanos.ShouldBe(Requests.ReceivedNanos);
    }

    [Fact]
    public void rejects_a_bad_record_and_keeps_the_good_ones_beside_it()
    {
        var result = Parse("""
            [{"message":"first"},
             {"level":"info"},
             42,
             {"message":"bad time","timestamp":"last tuesday"},
             {"message":"last"}]
            """);

        result.Error.ShouldBeNull();
        result.Accepted.Select(r => r.Message).ShouldBe(["first", "last"]);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 2, 3]);
        result.Rejected[0].Reason.ShouldContain("message is required");
        result.Rejected[1].Reason.ShouldContain("not a JSON object");
        result.Rejected[2].Reason.ShouldContain("timestamp");
    }

    [Fact]
    public void rejects_a_broken_ndjson_line_alone()
    {
        var result = Parse("{\"message\":\"ok 1\"}\n{\"message\": oops}\n\n{\"message\":\"ok 2\"}\n{\"message\":\"x\"} {\"message\":\"y\"}");

        result.Accepted.Select(r => r.Message).ShouldBe(["ok 1", "ok 2"]);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 3]);
        result.Rejected[0].Reason.ShouldStartWith("line 2 is not valid JSON");
        result.Rejected[1].Reason.ShouldStartWith("line 5 is not valid JSON");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("hello")]
    [InlineData("[{\"message\":\"a\"},")]
    [InlineData("[{\"message\":\"a\"}] [1]")]
    public void answers_an_unreadable_body_with_one_top_level_error(string body)
    {
        var result = Parse(body);
        result.IsMalformed.ShouldBeTrue();
        result.Error.ShouldNotBeNullOrWhiteSpace();
        result.Accepted.ShouldBeEmpty();
    }

    [Fact]
    public void keeps_an_unknown_level_as_an_attribute()
    {
        var record = Requests.Single(Parse("""{"message":"m","level":"loud"}"""));
        record.Level.ShouldBe(LogLevel.Info);
        record.Attributes["level"].ShouldBe("loud");
    }

    [Fact]
    public void reads_escaped_strings()
    {
        var record = Requests.Single(Parse("""{"message":"tab\there \"quoted\" \u00e9 \ud83d\ude00","m\u0065ta":"x"}"""));
        record.Message.ShouldBe("tab\there \"quoted\" é 😀");
        record.Attributes["meta"].ShouldBe("x");
    }

    [Fact]
    public void reads_a_body_that_starts_with_a_byte_order_mark()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Requests.Utf8("""[{"message":"bom"}]""")).ToArray();
        Requests.Single(NativeLogParser.Parse(body, Requests.Context)).Message.ShouldBe("bom");
    }
}
