using System.Diagnostics;
using BuildingBlocks.TenantConfig;
using Query.Language;

namespace Query.Search;

/// <summary>
/// One query from request to answer: the caller's tenant, validation, parsing, the plan's range limit, the tenant's
/// concurrency limit, the cache for finished ranges, execution within its budget, and the audit entry.
/// </summary>
public sealed class QueryService(TenantConfigCache config, SearchExecutor executor, QueryAdmission admission, QueryCache cache, QueryAudit audit)
{
    /// <summary>Long enough for any query a person writes; short enough that compiling its tree cannot exhaust the stack.</summary>
    public const int MaxQueryLength = 16 * 1024;

    public async Task<IResult> RunAsync(HttpContext context, string text, IReadOnlyList<(string Field, string Value)> fields,
        DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursorText)
    {
        if (QueryAccess.Authenticate(context, config, out var refusal) is not { } caller) return refusal!;
        var until = to ?? DateTimeOffset.UtcNow;
        var since = from ?? until - SearchEndpoints.DefaultRange;
        if (SearchEndpoints.Validate(since, until, limit, cursorText, out var cursor) is { } errors) return Results.ValidationProblem(errors);
        if (text.Length > MaxQueryLength)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [$"A query may be at most {MaxQueryLength:N0} characters long."] });
        var maxDays = caller.Tenant.Quotas.MaxQueryRangeDays;
        if (maxDays > 0 && until - since > TimeSpan.FromDays(maxDays))
            return Results.Problem(statusCode: 422, title: "The range is too long for this plan",
                detail: $"The range spans {(until - since).TotalDays:0.#} days; the '{caller.Tenant.Plan}' plan allows at most {maxDays} days per query.");

        QueryPlan plan;
        try
        {
            var ast = QueryParser.Parse(text);
            foreach (var (field, value) in fields.Reverse())
                ast = ast with { Filter = new And(new Compare(new FieldRef(field, 0), CompareOp.Equal, new Literal(value, true, 0), 0), ast.Filter, 0) };
            plan = QueryPlan.From(ast);
        }
        catch (QuerySyntaxException e)
        {
            return SyntaxProblem(e);
        }

        if (!admission.TryEnter(caller.TenantId))
        {
            context.Response.Headers.RetryAfter = "1";
            return Results.Problem(statusCode: 429, title: "Too many queries",
                detail: $"At most {admission.PerTenant} queries of a tenant run at once; retry when one has finished.");
        }
        var started = Stopwatch.GetTimestamp();
        var request = new SearchRequest(caller.TenantId, plan, SearchEndpoints.Nanos(since), SearchEndpoints.Nanos(until), limit ?? SearchEndpoints.DefaultLimit, cursor);
        var entry = new QueryAuditEntry(caller.TenantId, caller.KeyId, DateTimeOffset.UtcNow, Describe(text, fields), since.ToString("O"), until.ToString("O"), 200, 0, 0, 0, false);
        try
        {
            var key = "";
            var cached = QueryCache.IsFinished(request.ToNanos)
                ? cache.TryGet(caller.TenantId, $"{entry.Query}\n{request.FromNanos}\n{request.ToNanos}\n{request.Limit}\n{cursorText}", out key)
                : null;
            SearchResponse response;
            if (cached is not null)
            {
                response = SearchEndpoints.Deserialize(cached) with { Cached = true, DurationMs = Elapsed(started) };
            }
            else
            {
                response = await Task.Run(() => executor.Run(request, context.RequestAborted), context.RequestAborted);
                cache.Set(key, SearchEndpoints.Serialize(response));
            }
            entry = entry with { DurationMs = response.DurationMs, BytesRead = response.Stats.BytesRead, ResultCount = response.Count, Cached = response.Cached };
            return Results.Ok(response);
        }
        catch (QuerySyntaxException e)
        {
            entry = entry with { Status = 400 };
            return SyntaxProblem(e);
        }
        catch (QueryBudgetException e)
        {
            entry = entry with { Status = e.Status };
            return Results.Problem(statusCode: e.Status, title: e.Status == 408 ? "The query took too long" : "The query cannot run", detail: e.Message);
        }
        finally
        {
            admission.Exit(caller.TenantId);
            audit.Record(entry with { DurationMs = entry.DurationMs > 0 ? entry.DurationMs : Elapsed(started) });
        }
    }

    static IResult SyntaxProblem(QuerySyntaxException e) =>
        Results.Problem(statusCode: 400, title: "The query cannot be read", detail: e.Message,
            extensions: new Dictionary<string, object?> { ["position"] = e.Position });

    static string Describe(string text, IReadOnlyList<(string Field, string Value)> fields) =>
        string.Join(" AND ", fields.Select(f => $"{f.Field}=\"{f.Value}\"").Append(text).Where(t => t.Length > 0));

    static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}
