using BuildingBlocks.TenantConfig;

namespace Tenancy.Access;

/// <summary>
/// 401 when no valid key was presented, 403 when the key is valid but reaches another tenant or lacks the role or the
/// admin scope. The tenant comes from the route and is checked against the key's own tenant.
/// </summary>
public static class AccessFilters
{
    public static TBuilder RequireTenantRole<TBuilder>(this TBuilder builder, ApiKeyRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = await context.HttpContext.RequestServices.GetRequiredService<Authenticator>().AuthenticateAsync(context.HttpContext);
            if (caller is null) return Unauthorized();
            var tenantId = context.HttpContext.GetRouteValue("tenantId") as string ?? "";
            if (!caller.MayManage(tenantId, role))
                return Forbidden(caller.TenantId != tenantId && !caller.IsOperator
                    ? "This key belongs to another tenant."
                    : $"This call needs the {role.ToString().ToLowerInvariant()} role and the admin scope.");
            caller.AttachTo(context.HttpContext);
            return await next(context);
        });

    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = await context.HttpContext.RequestServices.GetRequiredService<Authenticator>().AuthenticateAsync(context.HttpContext);
            if (caller is null) return Unauthorized();
            if (!caller.IsOperator) return Forbidden("This call needs the platform operator key.");
            caller.AttachTo(context.HttpContext);
            return await next(context);
        });

    public static IResult Unauthorized() => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
        detail: "Present a valid API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.");

    public static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);
}
