using Contracts.Logs;
using LogLevel = Contracts.Logs.LogLevel;

namespace Ingestion.Protocols.Clef;

/// <summary>
/// Seq's ingestion API as Serilog's Seq sink and seqcli use it: POST /api/events/raw?clef and /ingest/clef with
/// compact JSON (CLEF), keys in X-Seq-ApiKey. Answers 201 with the tenant's minimum level so the sink filters early.
/// </summary>
public static class ClefEndpoints
{
    public static void MapClefEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events/raw", Ingest).WithTags("Intake");
        app.MapPost("/ingest/clef", Ingest).WithTags("Intake");
    }

    static async Task<IResult> Ingest(HttpContext http, Intake.Intake intake)
    {
        var outcome = await intake.AcceptAsync<ParseResult>(http, ClefParser.Parse, result => result, partial: false);
        if (outcome.Refusal is { } refusal) return refusal;
        if (outcome.Failure is { } failure) return Error(failure.Status, failure.Message);
        if (outcome.FullyLimited) return Error(StatusCodes.Status429TooManyRequests, $"{outcome.RateLimitReason}; retry later.");
        var rejected = outcome.Result!.Rejected;
        if (outcome.Published.Count == 0 && rejected.Count > 0)
            return Error(StatusCodes.Status400BadRequest, $"No event was accepted: {string.Join("; ", rejected.Take(5).Select(r => $"#{r.Index}: {r.Reason}"))}");
        return Results.Json(new Dictionary<string, object?>
        {
            ["MinimumLevelAccepted"] = SeqLevel(outcome.Tenant!.Config.MinimumLevel),
            ["Rejected"] = rejected.Count == 0 ? null : rejected,
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Seq's spelling of the level; null (accept everything) when the tenant keeps trace.</summary>
    static string? SeqLevel(string minimum) => LogLevels.Normalize(minimum) switch
    {
        LogLevel.Trace => null,
        LogLevel.Debug => "Debug",
        LogLevel.Info => "Information",
        LogLevel.Warn => "Warning",
        LogLevel.Error => "Error",
        _ => "Fatal",
    };

    /// <summary>Seq answers errors as {"Error": "..."}.</summary>
    static IResult Error(int status, string message) => Results.Json(new { Error = message }, statusCode: status);
}
