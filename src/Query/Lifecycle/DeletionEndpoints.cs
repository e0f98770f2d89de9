using System.Globalization;
using BuildingBlocks.TenantConfig;
using Query.Language;
using Query.Search;

namespace Query.Lifecycle;

public static class DeletionEndpoints
{
    public static IEndpointRouteBuilder MapDeletionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/logs/delete", Delete).WithTags("Deletion");
        return app;
    }

    /// <summary>
    /// POST /api/v1/logs/delete {query, day}: deletes the tenant's lines of one UTC day that match the query's filter,
    /// in every tier (admin scope). Answers what was removed; the deletion is recorded in the tenant's audit trail.
    /// </summary>
    static async Task<IResult> Delete(DeletionBody body, HttpContext context, TenantConfigCache config, DeleteByQuery deletion)
    {
        if (QueryAccess.Authenticate(context, config, out var refusal, ApiKeyScopes.Admin) is not { } caller) return refusal!;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Query))
            errors["query"] = ["A filter is required (e.g. user_id=\"u-42\"); to delete whole days, shorten the tenant's retention."];
        else if (body.Query.Length > QueryService.MaxQueryLength)
            errors["query"] = [$"A query may be at most {QueryService.MaxQueryLength:N0} characters long."];
        if (!DateOnly.TryParseExact(body.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            errors["day"] = ["day must be a UTC date written yyyy-MM-dd."];
        else if (day > DateOnly.FromDateTime(DateTime.UtcNow))
            errors["day"] = ["day is in the future."];
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        QueryPlan plan;
        try
        {
            plan = QueryPlan.From(QueryParser.Parse(body.Query!));
        }
        catch (QuerySyntaxException e)
        {
            return QueryService.SyntaxProblem(e);
        }
        if (plan.Aggregation is not null || plan.Fields is not null || plan.Sort is not null || plan.Limit is not null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = ["A deletion takes a filter only, without pipes."] });

        try
        {
            var result = await deletion.RunAsync(caller.TenantId, caller.KeyId, body.Query!, plan.Filter, day, context.RequestAborted);
            return Results.Ok(result);
        }
        catch (TimeoutException e)
        {
            context.Response.Headers.RetryAfter = "5";
            return Results.Problem(statusCode: 503, title: "The indexer is behind", detail: e.Message + " Retry the deletion.");
        }
    }
}

public sealed record DeletionBody(string? Query, string? Day);
