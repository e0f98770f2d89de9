using System.Buffers;
using System.Diagnostics;

namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// The Elasticsearch surface log shippers use: POST /_bulk and /{index}/_bulk answered with a real bulk response
/// (per-item 201, 400 or 429), plus the handshake endpoints they probe first. Every answer carries
/// X-Elastic-Product, which official clients check.
/// </summary>
public static class ElasticsearchEndpoints
{
    public static void MapElasticsearchEndpoints(this IEndpointRouteBuilder app)
    {
        var es = app.MapGroup("").WithTags("Elasticsearch").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            return await next(context);
        });
        es.MapPost("/_bulk", (HttpContext http, Intake.Intake intake) => Bulk(http, intake, null));
        es.MapPost("/{index}/_bulk", (string index, HttpContext http, Intake.Intake intake) => Bulk(http, intake, index));
        ElasticsearchHandshake.Map(es);
    }

    static async Task<IResult> Bulk(HttpContext http, Intake.Intake intake, string? index)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await intake.AcceptAsync<BulkParseResult>(http, (body, context) => BulkParser.Parse(body, index, context),
            parsed => parsed.Records, partial: true);
        if (outcome.Refusal is { } refusal) return refusal;
        if (outcome.Failure is { } failure) return Error(failure.Status, outcome.Parsed?.ErrorType ?? ErrorType(failure.Status), failure.Message);

        var admitted = outcome.Published.Count;
        var items = outcome.Parsed!.Items.Select(item =>
            item.Succeeded && item.AcceptedIndex >= admitted ? item.RateLimited($"rate limited ({outcome.RateLimitReason}); retry later") : item).ToList();
        var output = new ArrayBufferWriter<byte>();
        BulkResponseWriter.Write(output, items, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return Results.Bytes(output.WrittenMemory.ToArray(), "application/json");
    }

    static string ErrorType(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "security_exception",
        StatusCodes.Status413PayloadTooLarge => "content_too_long_exception",
        StatusCodes.Status503ServiceUnavailable => "unavailable_shards_exception",
        _ => "illegal_argument_exception",
    };

    static IResult Error(int status, string type, string reason)
    {
        var output = new ArrayBufferWriter<byte>();
        BulkResponseWriter.WriteError(output, type, reason, status);
        return new Intake.BytesResult(output.WrittenMemory, "application/json", status);
    }
}
