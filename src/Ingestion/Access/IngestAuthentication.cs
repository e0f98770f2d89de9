using System.Text;
using BuildingBlocks.TenantConfig;
using Contracts.Config;

namespace Ingestion.Access;

/// <summary>The tenant a request writes for: always the presented key's tenant, never a header's or the body's.</summary>
public sealed record IngestTenant(string TenantId, string KeyId, TenantConfig Config);

/// <summary>
/// Checks the presented key against the config cache (no database call per request): it must be valid, carry the
/// ingest scope and belong to an active tenant; an X-Scope-OrgID or X-Tenant-ID header, when sent, must name that
/// same tenant. Keys are read from Authorization (Bearer, or Basic with the key as password), X-API-Key,
/// X-Seq-ApiKey, or Seq's apiKey query parameter.
/// </summary>
public static class IngestAuthentication
{
    public static IngestTenant? Authenticate(HttpContext context, TenantConfigCache cache, out IResult? refusal)
    {
        refusal = null;
        var lookup = cache.AuthenticateKey(PresentedKey(context.Request));
        if (!lookup.IsValid)
        {
            refusal = Problem(StatusCodes.Status401Unauthorized, lookup.Status switch
            {
                KeyStatus.Revoked => "This API key has been revoked.",
                KeyStatus.Expired => "This API key has expired.",
                _ => "Present a valid API key (Authorization: Bearer <key>, X-API-Key, X-Seq-ApiKey or basic auth with the key as password).",
            });
            return null;
        }
        if (!lookup.HasScope(ApiKeyScopes.Ingest))
        {
            refusal = Problem(StatusCodes.Status403Forbidden, "This API key does not have the ingest scope.");
            return null;
        }
        var claimed = context.Request.Headers["X-Scope-OrgID"].ToString() is { Length: > 0 } org ? org : context.Request.Headers["X-Tenant-ID"].ToString();
        if (claimed.Length > 0 && claimed != lookup.TenantId)
        {
            refusal = Problem(StatusCodes.Status403Forbidden, $"This API key belongs to another tenant than '{claimed}'.");
            return null;
        }
        if (cache.Tenant(lookup.TenantId) is not { Status: "active" } tenant)
        {
            refusal = Problem(StatusCodes.Status403Forbidden, "This tenant is not active (suspended or deleted).");
            return null;
        }
        return new IngestTenant(lookup.TenantId, lookup.KeyId, tenant);
    }

    static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization[7..].Trim();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return BasicPassword(authorization[6..].Trim());
        foreach (var header in new[] { "X-API-Key", "X-Seq-ApiKey" })
            if (request.Headers[header].ToString() is { Length: > 0 } key) return key;
        return request.Query["apiKey"].ToString() is { Length: > 0 } query ? query : null;
    }

    static string? BasicPassword(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            return colon >= 0 ? text[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    static IResult Problem(int status, string detail) =>
        Results.Problem(statusCode: status, title: status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", detail: detail);
}
