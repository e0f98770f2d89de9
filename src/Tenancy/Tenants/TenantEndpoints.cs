using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Tenancy.Access;
using Tenancy.Configuration;
using Tenancy.Storage;

namespace Tenancy.Tenants;

public static class TenantEndpoints
{
    public static RouteGroupBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants").WithTags("Tenants");
        tenants.MapPost("/", Onboarding.OnboardAsync);
        tenants.MapGet("/", List).RequireOperator();
        tenants.MapGet("/{tenantId}", Get).RequireTenantRole(ApiKeyRole.Viewer);
        tenants.MapPatch("/{tenantId}", Change).RequireTenantRole(ApiKeyRole.Operator);
        tenants.MapDelete("/{tenantId}", RequestDeletion).RequireTenantRole(ApiKeyRole.Admin);
        tenants.MapPost("/{tenantId}/suspend", Suspend).RequireOperator();
        tenants.MapPost("/{tenantId}/reactivate", Reactivate).RequireOperator();
        return tenants;
    }

    static async Task<IResult> List(Documents documents, CancellationToken ct) =>
        Results.Ok(await documents.ListAsync<TenantSummary>(TenantSummaryProjection.Table, null, ct));

    static async Task<IResult> Get(string tenantId, HttpContext http, Documents documents, CancellationToken ct)
    {
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is not { } tenant) return NotFound(tenantId);
        http.Response.Headers.ETag = ExpectedVersion.ETag(tenant.Version);
        return Results.Ok(tenant);
    }

    static async Task<IResult> Change(string tenantId, ChangeTenantRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IValidator<ChangeTenantRequest> validator, PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (validator.Problem(body) is { } invalid) return invalid;
        if (body!.Plan is not null && !Caller.Of(http).MayManage(tenantId, ApiKeyRole.Admin))
            return AccessFilters.Forbidden("Changing the plan needs the admin role.");
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is { } current
            && HotWindowBeyondRetention(body, current) is { } tooLong) return tooLong;
        var settings = new ChangeTenantSettings(body.DisplayName, body.AdminEmail, body.RetentionDays, body.MinimumLevel, body.HotWindowMinutes);
        return await DecideAsync(tenantId, ExpectedVersion.FromIfMatch(ifMatch), state =>
        {
            var changes = Tenant.Decide(settings, state);
            var changed = changes.Aggregate(state, (s, e) => s.Evolve(e));
            return body.Plan is null ? changes : [.. changes, .. Tenant.Decide(new ChangePlan(body.Plan), changed)];
        }, http, store, documents, ct);
    }

    static Task<IResult> RequestDeletion(string tenantId, HttpContext http, PostgresEventStore store, Documents documents, CancellationToken ct) =>
        DecideAsync(tenantId, ExpectedVersion.Any, state => Tenant.Decide(new RequestTenantDeletion(), state), http, store, documents, ct,
            accepted: true);

    static Task<IResult> Suspend(string tenantId, SuspendTenantRequest? body, HttpContext http, PostgresEventStore store, Documents documents,
        CancellationToken ct) =>
        DecideAsync(tenantId, ExpectedVersion.Any, state => Tenant.Decide(new SuspendTenant(body?.Reason ?? "suspended by the operator"), state),
            http, store, documents, ct);

    static Task<IResult> Reactivate(string tenantId, HttpContext http, PostgresEventStore store, Documents documents, CancellationToken ct) =>
        DecideAsync(tenantId, ExpectedVersion.Any, state => Tenant.Decide(new ReactivateTenant(), state), http, store, documents, ct);

    static async Task<IResult> DecideAsync(string tenantId, ExpectedVersion expected, Func<Tenant, IReadOnlyList<object>> decide,
        HttpContext http, PostgresEventStore store, Documents documents, CancellationToken ct, bool accepted = false)
    {
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is null) return NotFound(tenantId);
        var decision = await store.DecideAsync<Tenant>(TenantStream.For(tenantId), expected, decide, RequestMetadata.For(http),
            IntegrationMessages.ForTenant, ct);
        http.Response.Headers.ETag = ExpectedVersion.ETag(decision.Version);
        var summary = await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct);
        return accepted ? Results.Accepted($"/api/v1/tenants/{tenantId}", summary) : Results.Ok(summary);
    }

    /// <summary>The half of the hot-window rule the validator cannot check: the body against the tenant's current settings.</summary>
    static IResult? HotWindowBeyondRetention(ChangeTenantRequest body, TenantSummary current)
    {
        var retentionDays = body.RetentionDays ?? current.RetentionDays;
        var hotWindow = body.HotWindowMinutes is TenantRules.PlatformHotWindow ? null : body.HotWindowMinutes ?? current.HotWindowMinutes;
        if (hotWindow is not { } minutes || TenantRules.HotWindowFits(minutes, retentionDays)) return null;
        return body.HotWindowMinutes is null
            ? Invalid("retentionDays", $"retentionDays must be at least the tenant's hot window of {minutes} minutes; lower hotWindowMinutes "
                + "in the same request, or set it to 0 for the platform default.")
            : Invalid("hotWindowMinutes", TenantRules.HotWindowMessage(retentionDays) + " 0 goes back to the platform default.");

        static IResult Invalid(string field, string message) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
    }

    public static IResult NotFound(string tenantId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tenant not found", detail: $"There is no tenant '{tenantId}'.");
}
