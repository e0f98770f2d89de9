using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Json;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// OTLP/HTTP logs (<c>POST /v1/logs</c>): an <c>ExportLogsServiceRequest</c> as binary protobuf
/// (<c>application/x-protobuf</c>) or OTLP/JSON (<c>application/json</c>). See <see cref="OtlpRecordMapper"/> for the
/// mapping and <see cref="OtlpResponse"/> for the answer.
/// </summary>
public static class OtlpLogsParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, string? contentType, IngestContext context) =>
        IsJson(contentType) ? ParseJson(body, context) : ParseProtobuf(body, context);

    public static ParseResult ParseProtobuf(ReadOnlySpan<byte> body, IngestContext context)
    {
        ExportLogsServiceRequest request;
        try
        {
            request = ExportLogsServiceRequest.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            return ParseResult.Malformed($"the body is not an OTLP ExportLogsServiceRequest: {e.Message}");
        }
        return OtlpRecordMapper.Map(request, context);
    }

    public static ParseResult ParseJson(ReadOnlySpan<byte> body, IngestContext context)
    {
        body = BodyText.WithoutBom(body);
        using var fields = new JsonFields();
        var json = new OtlpJsonReader(fields);
        ExportLogsServiceRequest request;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read()) return ParseResult.Malformed("the body is empty");
            request = json.ReadRequest(ref reader);
            reader.Read(); // throws when anything but whitespace follows
        }
        catch (Exception e) when (e is JsonException or OtlpJsonException)
        {
            return ParseResult.Malformed($"the body is not OTLP/JSON: {e.Message}");
        }
        return OtlpRecordMapper.Map(request, context, json.Problems);
    }

    /// <summary>OTLP/HTTP chooses the encoding by Content-Type; anything but JSON is read as protobuf, the default.</summary>
    public static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);
}
