using System.Buffers;
using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// The bodies OTLP/HTTP answers with, in the request's encoding. A read request gets 200 with an
/// <c>ExportLogsServiceResponse</c> whose <c>partial_success</c> counts the rejected records and says why (left unset
/// when everything was accepted); an unreadable one gets 400 with a <c>google.rpc.Status</c>.
/// </summary>
public static class OtlpResponse
{
    const int ReasonsInMessage = 5;
    const int InvalidArgument = 3; // google.rpc.Code.INVALID_ARGUMENT

    public static ExportLogsServiceResponse Export(ParseResult result)
    {
        var response = new ExportLogsServiceResponse();
        if (result.Rejected.Count > 0)
            response.PartialSuccess = new ExportLogsPartialSuccess { RejectedLogRecords = result.Rejected.Count, ErrorMessage = Summary(result) };
        return response;
    }

    public static byte[] ExportProtobuf(ParseResult result) => Export(result).ToByteArray();

    /// <summary><c>{}</c>, or <c>{"partialSuccess": {"rejectedLogRecords": "2", "errorMessage": "…"}}</c> (int64 as a string, as protobuf JSON writes it).</summary>
    public static void WriteExportJson(IBufferWriter<byte> output, ParseResult result)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        if (result.Rejected.Count > 0)
        {
            json.WriteStartObject("partialSuccess");
            json.WriteString("rejectedLogRecords", result.Rejected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("errorMessage", Summary(result));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    public static byte[] StatusProtobuf(string message) => new Status { Code = InvalidArgument, Message = message }.ToByteArray();

    public static void WriteStatusJson(IBufferWriter<byte> output, string message)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("code", InvalidArgument);
        json.WriteString("message", message);
        json.WriteEndObject();
    }

    static string Summary(ParseResult result)
    {
        var shown = result.Rejected.Take(ReasonsInMessage).Select(rejected => rejected.Reason);
        var more = result.Rejected.Count > ReasonsInMessage ? $"; and {result.Rejected.Count - ReasonsInMessage} more" : "";
        return $"{result.Rejected.Count} log record(s) rejected: {string.Join("; ", shown)}{more}";
    }
}
