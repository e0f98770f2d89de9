using System.Diagnostics;
using BuildingBlocks.EventStore;

namespace Tenancy.Access;

static class RequestMetadata
{
    /// <summary>The actor and correlation id recorded with the events a request causes.</summary>
    public static EventMetadata For(HttpContext context, string? actor = null) =>
        new(actor ?? Caller.Of(context).Actor,
            context.Request.Headers["X-Correlation-Id"].ToString() is { Length: > 0 } id ? id
                : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"));
}
