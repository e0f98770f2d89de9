using System.Buffers;
using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols;
using Ingestion.Protocols.Otlp;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Tests;

public sealed class AnsweringOtlpExports
{
    static ParseResult PartlyRejected() => OtlpLogsParser.ParseJson(Requests.Utf8($$$"""
        {"resourceLogs":[{"scopeLogs":[{"logRecords":[
          {"timeUnixNano":"{{{Requests.ReceivedNanos}}}","body":{"stringValue":"ok"}},
          {"timeUnixNano":"1000","body":{"stringValue":"too old"}},
          {"spanId":"xyz"}]}]}]}
        """), Requests.Context);

    [Fact]
    public void counts_rejected_records_in_a_protobuf_partial_success()
    {
        var response = ExportLogsServiceResponse.Parser.ParseFrom(OtlpResponse.ExportProtobuf(PartlyRejected()));

        response.PartialSuccess.RejectedLogRecords.ShouldBe(2);
        response.PartialSuccess.ErrorMessage.ShouldContain("2 log record(s) rejected");
        response.PartialSuccess.ErrorMessage.ShouldContain("spanId");
    }

    [Fact]
    public void counts_rejected_records_in_a_json_partial_success()
    {
        var output = new ArrayBufferWriter<byte>();
        OtlpResponse.WriteExportJson(output, PartlyRejected());
        var partial = JsonDocument.Parse(output.WrittenMemory).RootElement.GetProperty("partialSuccess");

        partial.GetProperty("rejectedLogRecords").GetString().ShouldBe("2");
        partial.GetProperty("errorMessage").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void leaves_partial_success_unset_when_everything_was_accepted()
    {
        var accepted = OtlpLogsParser.ParseProtobuf(new ExportLogsServiceRequest().ToByteArray(), Requests.Context);

        OtlpResponse.Export(accepted).PartialSuccess.ShouldBeNull();
        var output = new ArrayBufferWriter<byte>();
        OtlpResponse.WriteExportJson(output, accepted);
        System.Text.Encoding.UTF8.GetString(output.WrittenSpan).ShouldBe("{}");
    }

    [Fact]
    public void answers_an_unreadable_request_with_a_status()
    {
        Status.Parser.ParseFrom(OtlpResponse.StatusProtobuf("bad body")).ShouldSatisfyAllConditions(
            status => status.Code.ShouldBe(3),
            status => status.Message.ShouldBe("bad body"));
        var output = new ArrayBufferWriter<byte>();
        OtlpResponse.WriteStatusJson(output, "bad body");
        JsonDocument.Parse(output.WrittenMemory).RootElement.GetProperty("message").GetString().ShouldBe("bad body");
    }
}
