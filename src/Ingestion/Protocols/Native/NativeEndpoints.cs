using Ingestion.Intake;

namespace Ingestion.Protocols.Native;

/// <summary>POST /api/v1/logs: a JSON array, {"logs": [...]}, or NDJSON of the platform's own record shape.</summary>
public static class NativeEndpoints
{
    public sealed record AcceptedResponse(string Status, int IngestedCount, IReadOnlyList<RejectedItem> Rejected, int RateLimitedCount);

    public static RouteHandlerBuilder MapNativeEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/logs", Ingest).WithTags("Intake").Accepts<object>("application/json", "application/x-ndjson")
            .Produces<AcceptedResponse>(StatusCodes.Status202Accepted);

    static async Task<IResult> Ingest(HttpContext http, Intake.Intake intake)
    {
        var outcome = await intake.AcceptAsync<ParseResult>(http, NativeLogParser.Parse, result => result, partial: true);
        if (outcome.Refusal is { } refusal) return refusal;
        if (outcome.Failure is { } failure) return Results.Problem(statusCode: failure.Status, title: "The logs were not accepted", detail: failure.Message);
        if (outcome.FullyLimited)
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limited",
                detail: $"{outcome.RateLimitReason}: nothing from this request was accepted; retry after the Retry-After delay.");
        var rejected = outcome.Result!.Rejected;
        if (outcome.Published.Count == 0 && rejected.Count > 0)
            return Results.Json(new AcceptedResponse("rejected", 0, rejected, 0), statusCode: StatusCodes.Status400BadRequest);
        return Results.Json(new AcceptedResponse("accepted", outcome.Published.Count, rejected, outcome.RateLimited),
            statusCode: StatusCodes.Status202Accepted);
    }
}
