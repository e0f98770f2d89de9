namespace Ingestion.Protocols.Loki;

/// <summary>
/// POST /loki/api/v1/push as Promtail, Grafana Alloy and the Loki clients send it: snappy protobuf or JSON, 204 on
/// success. Lines that cannot be taken get a 400 with Loki's plain-text reasons (the good lines beside them are kept),
/// limits a 429; both are what those clients expect.
/// </summary>
public static class LokiEndpoints
{
    public static RouteHandlerBuilder MapLokiEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/loki/api/v1/push", Push).WithTags("Intake");

    static async Task<IResult> Push(HttpContext http, Intake.Intake intake)
    {
        var contentType = http.Request.ContentType;
        var outcome = await intake.AcceptAsync<ParseResult>(http, (body, context) => LokiPushParser.Parse(body, contentType, context),
            result => result, partial: false);
        if (outcome.Refusal is { } refusal) return refusal;
        if (outcome.Failure is { } failure) return Results.Text(failure.Message + "\n", statusCode: failure.Status);
        if (outcome.FullyLimited)
            return Results.Text($"Ingestion rate limit exceeded ({outcome.RateLimitReason}); retry later\n", statusCode: StatusCodes.Status429TooManyRequests);
        var rejected = outcome.Result!.Rejected;
        if (rejected.Count > 0)
            return Results.Text($"{rejected.Count} entries rejected, {outcome.Published.Count} accepted: " +
                string.Join("; ", rejected.Take(5).Select(r => $"entry {r.Index}: {r.Reason}")) + "\n", statusCode: StatusCodes.Status400BadRequest);
        return Results.NoContent();
    }
}
