using System.Buffers;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// OTLP/HTTP logs (POST /v1/logs), protobuf or JSON by Content-Type, gzip allowed. Records refused for validity or by
/// rate limits are counted in partial_success; a request of which nothing fits the limits gets 429 with Retry-After,
/// which OTLP exporters retry.
/// </summary>
public static class OtlpEndpoints
{
    public static RouteHandlerBuilder MapOtlpEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/logs", Export).WithTags("Intake");

    static async Task<IResult> Export(HttpContext http, Intake.Intake intake)
    {
        var json = OtlpLogsParser.IsJson(http.Request.ContentType);
        var outcome = await intake.AcceptAsync<ParseResult>(http,
            (body, context) => json ? OtlpLogsParser.ParseJson(body, context) : OtlpLogsParser.ParseProtobuf(body, context), result => result, partial: true);
        if (outcome.Refusal is { } refusal) return refusal;
        if (outcome.Failure is { } failure) return Status(json, failure.Status, failure.Message);
        if (outcome.FullyLimited) return Status(json, StatusCodes.Status429TooManyRequests, $"{outcome.RateLimitReason}; retry later");

        IReadOnlyList<RejectedItem> rejected = outcome.RateLimited == 0 ? outcome.Result!.Rejected
            : [.. outcome.Result!.Rejected, .. Enumerable.Repeat(new RejectedItem(-1, $"rate limited: {outcome.RateLimitReason}"), outcome.RateLimited)];
        if (!json) return Results.Bytes(OtlpResponse.ExportProtobuf(rejected), "application/x-protobuf");
        var output = new ArrayBufferWriter<byte>();
        OtlpResponse.WriteExportJson(output, rejected);
        return Results.Bytes(output.WrittenMemory.ToArray(), "application/json");
    }

    static IResult Status(bool json, int status, string message)
    {
        if (!json) return new Intake.BytesResult(OtlpResponse.StatusProtobuf(message), "application/x-protobuf", status);
        var output = new ArrayBufferWriter<byte>();
        OtlpResponse.WriteStatusJson(output, message);
        return new Intake.BytesResult(output.WrittenMemory, "application/json", status);
    }
}
