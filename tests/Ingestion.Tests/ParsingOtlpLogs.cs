using Contracts.Logs;
using Google.Protobuf;
using Ingestion.Protocols;
using Ingestion.Protocols.Otlp;
using Ingestion.Protocols.Otlp.Proto;
using LogLevel = Contracts.Logs.LogLevel;

namespace Ingestion.Tests;

public sealed class ParsingOtlpLogs
{
    static readonly ulong T1 = (ulong)Requests.Nanos(TimeSpan.FromMinutes(-2));
    static readonly ulong T2 = (ulong)Requests.Nanos(TimeSpan.FromMinutes(-1));

    static AnyValue Text(string value) => new() { StringValue = value };
    static KeyValue Pair(string key, AnyValue value) => new() { Key = key, Value = value };

    static ExportLogsServiceRequest Request(params Ingestion.Protocols.Otlp.Proto.LogRecord[] records) => new()
    {
        ResourceLogs =
        {
            new ResourceLogs
            {
                Resource = new Resource { Attributes = { Pair("service.name", Text("cart")), Pair("host.name", Text("node-3")), Pair("k8s.pod.name", Text("cart-7f")) } },
                ScopeLogs = { new ScopeLogs { Scope = new InstrumentationScope { Name = "Cart.Api", Version = "1.2.0" }, LogRecords = { records } } },
            },
        },
    };

    static ParseResult ParseProtobuf(ExportLogsServiceRequest request) =>
        OtlpLogsParser.Parse(request.ToByteArray(), "application/x-protobuf", Requests.Context);

    [Fact]
    public void maps_a_protobuf_export_request()
    {
        var record = Requests.Single(ParseProtobuf(Request(new Ingestion.Protocols.Otlp.Proto.LogRecord
        {
            TimeUnixNano = T1,
            ObservedTimeUnixNano = T2,
            SeverityNumber = SeverityNumber.Warn2,
            SeverityText = "Warning",
            Body = Text("stock low"),
            Attributes = { Pair("sku", Text("A-1")), Pair("count", new AnyValue { IntValue = 3 }), Pair("ratio", new AnyValue { DoubleValue = 0.5 }) },
            TraceId = ByteString.CopyFrom(Convert.FromHexString("5B8EFFF798038103D269B633813FC60C")),
            SpanId = ByteString.CopyFrom(Convert.FromHexString("EEE19B7EC3C1B174")),
            EventName = "stock.low",
        })));

        record.Source.ShouldBe(LogSource.Otlp);
        record.TimestampNanos.ShouldBe((long)T1);
        record.ObservedNanos.ShouldBe((long)T2);
        record.Level.ShouldBe(LogLevel.Warn);
        record.Service.ShouldBe("cart");
        record.Host.ShouldBe("node-3");
        record.Message.ShouldBe("stock low");
        record.TraceId.ShouldBe("5b8efff798038103d269b633813fc60c");
        record.SpanId.ShouldBe("eee19b7ec3c1b174");
        record.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["resource.k8s.pod.name"] = "cart-7f",
            ["scope.name"] = "Cart.Api",
            ["scope.version"] = "1.2.0",
            ["sku"] = "A-1",
            ["count"] = "3",
            ["ratio"] = "0.5",
            ["event.name"] = "stock.low",
        }, ignoreOrder: true);
    }

    [Fact]
    public void renders_a_structured_body_as_json_and_flattens_structured_attributes()
    {
        var body = new AnyValue
        {
            KvlistValue = new KeyValueList { Values = { Pair("user", Text("ann")), Pair("tags", new AnyValue { ArrayValue = new ArrayValue { Values = { Text("a"), new AnyValue { BoolValue = true } } } }) } },
        };
        var nested = new AnyValue { KvlistValue = new KeyValueList { Values = { Pair("method", Text("GET")), Pair("status", new AnyValue { IntValue = 200 }) } } };

        var record = Requests.Single(ParseProtobuf(Request(new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1, Body = body, Attributes = { Pair("http", nested) } })));

        record.Message.ShouldBe("""{"user":"ann","tags":["a",true]}""");
        record.Attributes["http.method"].ShouldBe("GET");
        record.Attributes["http.status"].ShouldBe("200");
    }

    [Fact]
    public void takes_the_level_from_severity_text_when_there_is_no_number()
    {
        var records = ParseProtobuf(Request(
            new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1, SeverityText = "ERROR" },
            new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1, SeverityText = "shouting" },
            new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1 })).Accepted;

        records.Select(r => r.Level).ShouldBe([LogLevel.Error, LogLevel.Info, LogLevel.Info]);
        records[1].Attributes["severity_text"].ShouldBe("shouting");
    }

    [Fact]
    public void falls_back_to_the_observed_time_then_the_arrival_time()
    {
        var records = ParseProtobuf(Request(
            new Ingestion.Protocols.Otlp.Proto.LogRecord { ObservedTimeUnixNano = T2 },
            new Ingestion.Protocols.Otlp.Proto.LogRecord())).Accepted;

        records[0].TimestampNanos.ShouldBe((long)T2);
        records[1].TimestampNanos.ShouldBe(Requests.ReceivedNanos);
        records[1].ObservedNanos.ShouldBe(Requests.ReceivedNanos);
    }

    [Fact]
    public void rejects_an_out_of_range_record_and_keeps_the_rest()
    {
        var result = ParseProtobuf(Request(
            new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1, Body = Text("fine") },
            new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = 1_000_000_000, Body = Text("1970") }));

        result.Accepted.ShouldHaveSingleItem().Message.ShouldBe("fine");
        result.Rejected.ShouldHaveSingleItem().Index.ShouldBe(1);
    }

    [Fact]
    public void answers_a_body_that_is_not_protobuf_with_a_top_level_error() =>
        OtlpLogsParser.ParseProtobuf([0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], Requests.Context).IsMalformed.ShouldBeTrue();

    const string JsonExport = """
        {"resourceLogs":[{
          "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"cart"}},{"key":"pid","value":{"intValue":"4242"}}]},
          "scopeLogs":[{
            "scope":{"name":"Cart.Api","version":"1.2.0"},
            "logRecords":[
              {"timeUnixNano":"TIME1","severityNumber":17,"severityText":"Error",
               "traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"eee19b7ec3c1b174",
               "body":{"stringValue":"payment failed"},
               "attributes":[{"key":"amount","value":{"doubleValue":12.5}},{"key":"retry","value":{"boolValue":true}},
                             {"key":"count","value":{"intValue":3}},{"key":"raw","value":{"bytesValue":"AQI="}},
                             {"key":"items","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"2"}]}}},
                             {"key":"ctx","value":{"kvlistValue":{"values":[{"key":"user","value":{"stringValue":"ann"}}]}}}]},
              {"timeUnixNano":TIME2,"traceId":"not-hex","body":{"stringValue":"bad id"}},
              {"time_unix_nano":"TIME2","severity_number":9,"body":{"stringValue":"snake case"},"somethingNew":{"x":1}}
            ]}]}]}
        """;

    static ParseResult ParseJson(string body) =>
        OtlpLogsParser.Parse(Requests.Utf8(body.Replace("TIME1", T1.ToString()).Replace("TIME2", T2.ToString())), "application/json", Requests.Context);

    [Fact]
    public void maps_the_otlp_json_encoding()
    {
        var result = ParseJson(JsonExport);

        result.Error.ShouldBeNull();
        var record = result.Accepted[0];
        record.TimestampNanos.ShouldBe((long)T1);
        record.Level.ShouldBe(LogLevel.Error);
        record.Service.ShouldBe("cart");
        record.Message.ShouldBe("payment failed");
        record.TraceId.ShouldBe("5b8efff798038103d269b633813fc60c");
        record.SpanId.ShouldBe("eee19b7ec3c1b174");
        record.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["resource.pid"] = "4242",
            ["scope.name"] = "Cart.Api",
            ["scope.version"] = "1.2.0",
            ["amount"] = "12.5",
            ["retry"] = "true",
            ["count"] = "3",
            ["raw"] = "AQI=",
            ["items"] = """["a",2]""",
            ["ctx.user"] = "ann",
        }, ignoreOrder: true);
    }

    [Fact]
    public void rejects_a_json_record_with_a_bad_id_and_reads_snake_case_names()
    {
        var result = ParseJson(JsonExport);

        result.Accepted.Select(r => r.Message).ShouldBe(["payment failed", "snake case"]);
        result.Accepted[1].Level.ShouldBe(LogLevel.Info);
        result.Accepted[1].TimestampNanos.ShouldBe((long)T2);
        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Index.ShouldBe(1);
        rejected.Reason.ShouldContain("traceId");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"resourceLogs\":5}")]
    [InlineData("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":\"not an AnyValue\"}]}]}]}")]
    [InlineData("{\"resourceLogs\":[]")]
    public void answers_json_that_is_not_an_export_request_with_a_top_level_error(string body) =>
        OtlpLogsParser.ParseJson(Requests.Utf8(body), Requests.Context).IsMalformed.ShouldBeTrue();

    [Fact]
    public void reads_the_same_records_from_either_encoding()
    {
        var request = Request(new Ingestion.Protocols.Otlp.Proto.LogRecord { TimeUnixNano = T1, SeverityNumber = SeverityNumber.Debug, Body = Text("same") });
        var json = Google.Protobuf.JsonFormatter.Default.Format(request);

        var fromJson = Requests.Single(OtlpLogsParser.ParseJson(Requests.Utf8(json), Requests.Context));
        var fromProtobuf = Requests.Single(ParseProtobuf(request));

        fromJson.ShouldBe(fromProtobuf with { Attributes = fromJson.Attributes });
        fromJson.Attributes.ShouldBe(fromProtobuf.Attributes, ignoreOrder: true);
    }
}
