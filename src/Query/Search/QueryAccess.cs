using System.Text;
using BuildingBlocks.TenantConfig;

namespace Query.Search;

/// <summary>
/// The tenant a request reads: always the presented key's, never one named in the request. The key must be valid,
/// carry the query scope and belong to an active tenant; an X-Scope-OrgID header, when sent (Grafana sends it),
/// must name that same tenant.
/// </summary>
public static class QueryAccess
{
    public static QueryCaller? Authenticate(HttpContext context, TenantConfigCache cache, out IResult? refusal, string scope = ApiKeyScopes.Query)
    {
        refusal = null;
        var lookup = cache.AuthenticateKey(PresentedKey(context.Request));
        if (!lookup.IsValid)
        {
            refusal = Results.Problem(statusCode: 401, title: "Unauthorized", detail: lookup.Status switch
            {
                KeyStatus.Revoked => "This API key has been revoked.",
                KeyStatus.Expired => "This API key has expired.",
                _ => "Present a valid API key (Authorization: Bearer <key>, X-API-Key, or basic auth with the key as password).",
            });
            return null;
        }
        if (!lookup.HasScope(scope))
            refusal = Forbidden($"This API key does not have the {scope} scope.");
        else if (context.Request.Headers["X-Scope-OrgID"].ToString() is { Length: > 0 } claimed && claimed != lookup.TenantId)
            refusal = Forbidden($"This API key belongs to another tenant than '{claimed}'.");
        else if (cache.Tenant(lookup.TenantId!) is not { Status: "active" or "suspended" } tenant)
            refusal = Forbidden("This tenant does not exist any more.");
        else
            return new QueryCaller(tenant.TenantId, lookup.KeyId!, tenant);
        return null;
    }

    static IResult Forbidden(string detail) => Results.Problem(statusCode: 403, title: "Forbidden", detail: detail);

    static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization[7..].Trim();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim()));
                return text.IndexOf(':') is >= 0 and var colon ? text[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return request.Headers["X-API-Key"].ToString() is { Length: > 0 } key ? key : null;
    }
}

/// <summary>Who asks: the key's tenant (with its plan) and the key's id, for the query audit.</summary>
public sealed record QueryCaller(string TenantId, string KeyId, Contracts.Config.TenantConfig Tenant);
