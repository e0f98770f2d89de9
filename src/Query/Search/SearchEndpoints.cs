using System.Text.Json;
using BuildingBlocks.TenantConfig;
using Query.Language;

namespace Query.Search;

public static class SearchEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);
    static readonly DateTimeOffset Latest = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero); // nanoseconds since 1970 fit a long until 2262
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/api/v1").WithTags("Search");
        search.MapPost("/query", Query);
        search.MapGet("/logs/search", Search);
        search.MapGet("/query/audit", Audit);
        return app;
    }

    /// <summary>POST /api/v1/query {query, range {from, to}, limit, cursor}: the query language (docs/query-language.md).</summary>
    static Task<IResult> Query(QueryBody body, HttpContext context, QueryService queries) =>
        queries.RunAsync(context, body.Query ?? "", [], body.Range?.From, body.Range?.To, body.Limit, body.Cursor);

    /// <summary>GET /api/v1/logs/search?service=&amp;level=&amp;q=&amp;from=&amp;to=&amp;limit=&amp;cursor=</summary>
    static Task<IResult> Search(HttpContext context, QueryService queries,
        string? service, string? level, string? q, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? cursor)
    {
        var fields = new List<(string, string)>();
        if (!string.IsNullOrEmpty(service)) fields.Add(("service", service));
        if (!string.IsNullOrEmpty(level)) fields.Add(("level", level));
        return queries.RunAsync(context, q ?? "", fields, from, to, limit, cursor);
    }

    /// <summary>GET /api/v1/query/audit?limit=: the tenant's recent queries, newest first (admin scope).</summary>
    static IResult Audit(HttpContext context, TenantConfigCache cache, QueryAudit audit, int? limit)
    {
        if (QueryAccess.Authenticate(context, cache, out var refusal, ApiKeyScopes.Admin) is not { } caller) return refusal!;
        if (limit is < 1 or > QueryAudit.Kept)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {QueryAudit.Kept}."] });
        return Results.Ok(new { entries = audit.Recent(caller.TenantId, limit ?? 100) });
    }

    /// <summary>Checks everything about a request that does not need the data; null when it is fine.</summary>
    public static Dictionary<string, string[]>? Validate(DateTimeOffset since, DateTimeOffset until, int? limit, string? cursorText, out SearchCursor? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        if (since >= until) errors["range"] = ["'from' must be before 'to'."];
        if (since < DateTimeOffset.UnixEpoch || until > Latest) errors["range"] = [$"The range must lie between 1970 and {Latest.Year}."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        cursor = null;
        if (cursorText is { Length: > 0 })
        {
            if (SearchCursor.TryDecode(cursorText, out var decoded)) cursor = decoded;
            else errors["cursor"] = ["This cursor was not issued by this API (pass nextCursor back unchanged)."];
        }
        return errors.Count > 0 ? errors : null;
    }

    public static string Serialize(SearchResponse response) => JsonSerializer.Serialize(response, Json);
    public static SearchResponse Deserialize(string json) => JsonSerializer.Deserialize<SearchResponse>(json, Json)!;
    public static long Nanos(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
}

public sealed record QueryBody(string? Query, QueryRange? Range, int? Limit, string? Cursor);

public sealed record QueryRange(DateTimeOffset? From, DateTimeOffset? To);
