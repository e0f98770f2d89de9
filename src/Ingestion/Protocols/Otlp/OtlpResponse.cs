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

    public static ExportLogsServiceResponse Export(ParseResult result) => Export(result.Rejected);

    /// <param name="rejected">Every refused record: invalid ones and those the rate limits did not admit.</param>
    public static ExportLogsServiceResponse Export(IReadOnlyList<RejectedItem> rejected)
    {
        var response = new ExportLogsServiceResponse();
        if (rejected.Count > 0)
            response.PartialSuccess = new ExportLogsPartialSuccess { RejectedLogRecords = rejected.Count, ErrorMessage = Summary(rejected) };
        return response;
    }

    public static byte[] ExportProtobuf(ParseResult result) => Export(result.Rejected).ToByteArray();
    public static byte[] ExportProtobuf(IReadOnlyList<RejectedItem> rejected) => Export(rejected).ToByteArray();

    /// <summary><c>{}</c>, or <c>{"partialSuccess": {"rejectedLogRecords": "2", "errorMessage": "…"}}</c> (int64 as a string, as protobuf JSON writes it).</summary>
    public static void WriteExportJson(IBufferWriter<byte> output, ParseResult result) => WriteExportJson(output, result.Rejected);

    public static void WriteExportJson(IBufferWriter<byte> output, IReadOnlyList<RejectedItem> rejected)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        if (rejected.Count > 0)
        {
            json.WriteStartObject("partialSuccess");
            json.WriteString("rejectedLogRecords", rejected.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("errorMessage", Summary(rejected));
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

    static string Summary(IReadOnlyList<RejectedItem> rejected)
    {
        var shown = rejected.Select(item => item.Reason).Distinct().Take(ReasonsInMessage);
        var more = rejected.Count > ReasonsInMessage ? $"; and {rejected.Count - ReasonsInMessage} more" : "";
        return $"{rejected.Count} log record(s) rejected: {string.Join("; ", shown)}{more}";
    }
}
