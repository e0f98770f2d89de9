using BuildingBlocks.TenantConfig;
using Microsoft.AspNetCore.Mvc;

namespace Query.Search;

public static class SearchEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);
    static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero); // nanoseconds since 1970 fit a long until 2262

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/v1").WithTags("Search");
        search.MapPost("/query", Query);
        search.MapGet("/logs/search", Search);
        return app;
    }

    /// <summary>POST /api/v1/query {query, range {from, to}, limit, cursor}: newest first.</summary>
    static Task<IResult> Query(QueryBody body, HttpContext context, TenantConfigCache cache, SearchExecutor executor) =>
        RunAsync(context, cache, executor, body.Query, [], body.Range?.From, body.Range?.To, body.Limit, body.Cursor);

    /// <summary>GET /api/v1/logs/search?service=&amp;level=&amp;q=&amp;from=&amp;to=&amp;limit=&amp;cursor=</summary>
    static Task<IResult> Search(HttpContext context, TenantConfigCache cache, SearchExecutor executor,
        string? service, string? level, string? q, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor)
    {
        var fields = new List<FieldMatch>();
        if (!string.IsNullOrEmpty(service)) fields.Add(new FieldMatch("service", service));
        if (!string.IsNullOrEmpty(level)) fields.Add(new FieldMatch("level", level));
        return RunAsync(context, cache, executor, q, fields, from, to, limit, cursor);
    }

    static async Task<IResult> RunAsync(HttpContext context, TenantConfigCache cache, SearchExecutor executor, string? query,
        IReadOnlyList<FieldMatch> extraFields, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursorText)
    {
        if (QueryAccess.Authenticate(context, cache, out var refusal) is not { } tenant) return refusal!;
        var errors = new Dictionary<string, string[]>();
        var until = to ?? DateTimeOffset.UtcNow;
        var since = from ?? until - DefaultRange;
        if (since >= until) errors["range"] = ["'from' must be before 'to'."];
        if (since < DateTimeOffset.UnixEpoch || until > Latest) errors["range"] = [$"The range must lie between 1970 and {Latest.Year}."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        SearchCursor? cursor = null;
        if (cursorText is { Length: > 0 })
        {
            if (SearchCursor.TryDecode(cursorText, out var decoded)) cursor = decoded;
            else errors["cursor"] = ["This cursor was not issued by this API (pass nextCursor back unchanged)."];
        }
        if (errors.Count > 0) return Results.ValidationProblem(errors);

        SearchFilter filter;
        try
        {
            filter = SearchFilterParser.Parse(query);
        }
        catch (SearchSyntaxException e)
        {
            return Results.Problem(statusCode: 400, title: "The query cannot be read", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["position"] = e.Position });
        }
        filter = filter with { Fields = [.. filter.Fields, .. extraFields] };
        var request = new SearchRequest(tenant, filter, Nanos(since), Nanos(until), limit ?? DefaultLimit, cursor);
        return Results.Ok(await Task.Run(() => executor.Run(request), context.RequestAborted));
    }

    static long Nanos(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
}

public sealed record QueryBody(string? Query, QueryRange? Range, int? Limit, string? Cursor);

public sealed record QueryRange(DateTimeOffset? From, DateTimeOffset? To);
