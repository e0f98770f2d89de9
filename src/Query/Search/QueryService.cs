using System.Diagnostics;
using BuildingBlocks.TenantConfig;
using Query.Language;

namespace Query.Search;

/// <summary>
/// One query from request to answer: the caller's tenant, validation, parsing, the plan's range limit, the tenant's
/// concurrency limit, the cache for finished ranges, execution within its budget, and an audit entry for every
/// query the caller's key was allowed to ask, answered or refused.
/// </summary>
public sealed class QueryService(TenantConfigCache config, SearchExecutor executor, QueryAdmission admission, QueryCache cache, QueryAudit audit)
{
    /// <summary>Long enough for any query a person writes; short enough that compiling its tree cannot exhaust the stack.</summary>
    public const int MaxQueryLength = 16 * 1024;

    public async Task<IResult> RunAsync(HttpContext context, string text, IReadOnlyList<(string Field, string Value)> fields,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursorText)
    {
        if (QueryAccess.Authenticate(context, config, out var refusal) is not { } caller) return refusal!;
        var started = Stopwatch.GetTimestamp();
        var until = to ?? DateTimeOffset.UtcNow;
        var since = from ?? until - SearchEndpoints.DefaultRange;
        var query = Describe(text, fields);
        var entry = new QueryAuditEntry(caller.TenantId, caller.KeyId, DateTimeOffset.UtcNow, query, since.ToString("O"), until.ToString("O"), 200, 0, 0, 0, false);
        try
        {
            var (result, response) = await AnswerAsync(context, caller, text, fields, since, until, limit, cursorText, query);
            entry = response is null
                ? entry with { Status = (result as IStatusCodeHttpResult)?.StatusCode ?? 400 }
                : entry with { BytesRead = response.Stats.BytesRead, ResultCount = response.Count, Cached = response.Cached };
            return result;
        }
        finally
        {
            audit.Record(entry with { DurationMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2) });
        }
    }

    async Task<(IResult Result, SearchResponse? Response)> AnswerAsync(HttpContext context, QueryCaller caller, string text,
        IReadOnlyList<(string Field, string Value)> fields, DateTimeOffset since, DateTimeOffset until, int? limit, string? cursorText, string query)
    {
        if (SearchEndpoints.Validate(since, until, limit, cursorText, out var cursor) is { } errors) return (Results.ValidationProblem(errors), null);
        if (text.Length > MaxQueryLength)
            return (Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [$"A query may be at most {MaxQueryLength:N0} characters long."] }), null);
        var maxDays = caller.Tenant.Quotas.MaxQueryRangeDays;
        if (maxDays > 0 && until - since > TimeSpan.FromDays(maxDays))
            return (Results.Problem(statusCode: 422, title: "The range is too long for this plan",
                detail: $"The range spans {(until - since).TotalDays:0.#} days; the '{caller.Tenant.Plan}' plan allows at most {maxDays} days per query."), null);
        if (!admission.TryEnter(caller.TenantId))
        {
            context.Response.Headers.RetryAfter = "1";
            return (Results.Problem(statusCode: 429, title: "Too many queries",
                detail: $"At most {admission.PerTenant} queries of a tenant run at once; retry when one has finished."), null);
        }
        try
        {
            var ast = QueryParser.Parse(text);
            foreach (var (field, value) in fields.Reverse())
                ast = ast with { Filter = new And(new Compare(new FieldRef(field, 0), CompareOp.Equal, new Literal(value, true, 0), 0), ast.Filter, 0) };
            var request = new SearchRequest(caller.TenantId, QueryPlan.From(ast), SearchEndpoints.Nanos(since), SearchEndpoints.Nanos(until),
                limit ?? SearchEndpoints.DefaultLimit, cursor);

            var key = "";
            if (QueryCache.IsFinished(request.ToNanos)
                && cache.TryGet(caller.TenantId, $"{query}\n{request.FromNanos}\n{request.ToNanos}\n{request.Limit}\n{cursorText}", out key) is { } hit)
            {
                var cached = SearchEndpoints.Deserialize(hit) with { Cached = true };
                return (Results.Ok(cached), cached);
            }
            var response = await Task.Run(() => executor.Run(request, context.RequestAborted), context.RequestAborted);
            cache.Set(key, SearchEndpoints.Serialize(response));
            return (Results.Ok(response), response);
        }
        catch (QuerySyntaxException e)
        {
            return (SyntaxProblem(e), null);
        }
        catch (QueryBudgetException e)
        {
            return (Results.Problem(statusCode: e.Status, title: e.Status == 408 ? "The query took too long" : "The query cannot run", detail: e.Message), null);
        }
        finally
        {
            admission.Exit(caller.TenantId);
        }
    }

    /// <summary>400 with the position of the problem, for every endpoint that reads the query language.</summary>
    public static IResult SyntaxProblem(QuerySyntaxException e) => Results.Problem(statusCode: 400, title: "The query cannot be read",
        detail: e.Message, extensions: new Dictionary<string, object?> { ["position"] = e.Position });

    static string Describe(string text, IReadOnlyList<(string Field, string Value)> fields) =>
        string.Join(" AND ", fields.Select(f => $"{f.Field}=\"{f.Value}\"").Append(text).Where(t => t.Length > 0));
}
