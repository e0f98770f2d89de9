using BuildingBlocks.TenantConfig;
using Query.Language;
using Query.Search;

namespace Query.Tail;

public static class TailEndpoints
{
    static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    public static IEndpointRouteBuilder MapTailEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/tail", Tail).WithTags("Tail");
        return app;
    }

    /// <summary>GET /api/v1/tail?query=: new matching lines of the key's tenant as they are indexed, over a WebSocket
    /// when the request asks for one, as Server-Sent Events otherwise.</summary>
    static async Task<IResult> Tail(HttpContext context, TenantConfigCache cache, TailHub hub, IHostApplicationLifetime lifetime, string? query)
    {
        if (QueryAccess.Authenticate(context, cache, out var refusal) is not { TenantId: var tenant }) return refusal!;
        LineMatcher matcher;
        try
        {
            matcher = Filter(query);
        }
        catch (QuerySyntaxException e)
        {
            return Results.Problem(statusCode: 400, title: "The query cannot be read", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["position"] = e.Position });
        }
        if (!hub.TrySubscribe(tenant, matcher, out var subscription))
        {
            context.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString();
            return Results.Problem(statusCode: 429, title: "Too many tails",
                detail: $"A tenant may run {hub.MaxTailsPerTenant} tails at once. Close one, or retry later.");
        }
        using (subscription)
        using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping))
        {
            try
            {
                if (context.WebSockets.IsWebSocketRequest) await WebSocketTail.RunAsync(context, subscription, stopping.Token);
                else await ServerSentTail.RunAsync(context, subscription, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // The client went away or the service is stopping: a tail has no other end.
            }
        }
        return Results.Empty;
    }

    /// <summary>The filter of a tail's query; pipe stages summarise lines a tail has not seen yet, so they are refused.</summary>
    public static LineMatcher Filter(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return LineMatcher.Everything;
        var ast = QueryParser.Parse(query);
        if (ast.Stages.Count > 0)
            throw new QuerySyntaxException($"a tail takes a filter only: remove the pipe stage at column {ast.Stages[0].Position + 1}",
                ast.Stages[0].Position);
        return LineMatcher.Compile(ast.Filter);
    }
}
