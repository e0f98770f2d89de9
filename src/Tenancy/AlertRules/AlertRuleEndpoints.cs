using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using Contracts.Config;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Tenancy.Access;
using Tenancy.Configuration;
using Tenancy.Storage;
using Tenancy.Tenants;

namespace Tenancy.AlertRules;

public static class AlertRuleEndpoints
{
    public static RouteGroupBuilder MapAlertRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/v1/tenants/{tenantId}/alert-rules").WithTags("Alert rules");
        rules.MapGet("/", List).RequireTenantRole(ApiKeyRole.Viewer);
        rules.MapPost("/", Create).RequireTenantRole(ApiKeyRole.Operator);
        rules.MapGet("/{ruleId}", Get).RequireTenantRole(ApiKeyRole.Viewer);
        rules.MapPut("/{ruleId}", Change).RequireTenantRole(ApiKeyRole.Operator);
        rules.MapDelete("/{ruleId}", Delete).RequireTenantRole(ApiKeyRole.Operator);
        return rules;
    }

    static async Task<IResult> List(string tenantId, Documents documents, CancellationToken ct) =>
        Results.Ok((await documents.ListAsync<AlertRuleConfig>(AlertRuleProjection.Table, tenantId, ct)).Where(r => !r.Deleted));

    static async Task<IResult> Get(string tenantId, string ruleId, HttpContext http, Documents documents, CancellationToken ct)
    {
        if (await FindAsync(tenantId, ruleId, documents, ct) is not { } rule) return RuleNotFound(ruleId);
        http.Response.Headers.ETag = ExpectedVersion.ETag(rule.Version);
        return Results.Ok(rule);
    }

    static async Task<IResult> Create(string tenantId, AlertRuleRequest? body, HttpContext http, IValidator<AlertRuleRequest> validator,
        PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (validator.Problem(body) is { } invalid) return invalid;
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is not { Status: TenantStatus.Active or TenantStatus.Suspended })
            return TenantEndpoints.NotFound(tenantId);
        var ruleId = AlertRuleStream.NewRuleId();
        var create = new CreateAlertRule(tenantId, ruleId, body!.ToDefinition(), body.Enabled ?? true);
        var decision = await store.DecideAsync<AlertRule>(AlertRuleStream.For(tenantId, ruleId), ExpectedVersion.NoStream,
            state => AlertRule.Decide(create, state), RequestMetadata.For(http), IntegrationMessages.ForAlertRule, ct);
        http.Response.Headers.ETag = ExpectedVersion.ETag(decision.Version);
        return Results.Created($"/api/v1/tenants/{tenantId}/alert-rules/{ruleId}", await FindAsync(tenantId, ruleId, documents, ct));
    }

    static async Task<IResult> Change(string tenantId, string ruleId, AlertRuleRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IValidator<AlertRuleRequest> validator, PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (validator.Problem(body) is { } invalid) return invalid;
        if (await FindAsync(tenantId, ruleId, documents, ct) is null) return RuleNotFound(ruleId);
        var definition = body!.ToDefinition();
        var decision = await store.DecideAsync<AlertRule>(AlertRuleStream.For(tenantId, ruleId), ExpectedVersion.FromIfMatch(ifMatch),
            state => AlertRule.Decide(new ChangeAlertRule(definition, body.Enabled ?? state.Enabled), state), RequestMetadata.For(http),
            IntegrationMessages.ForAlertRule, ct);
        http.Response.Headers.ETag = ExpectedVersion.ETag(decision.Version);
        return Results.Ok(await FindAsync(tenantId, ruleId, documents, ct));
    }

    static async Task<IResult> Delete(string tenantId, string ruleId, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
        PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (await FindAsync(tenantId, ruleId, documents, ct) is null) return RuleNotFound(ruleId);
        await store.DecideAsync<AlertRule>(AlertRuleStream.For(tenantId, ruleId), ExpectedVersion.FromIfMatch(ifMatch),
            state => AlertRule.Decide(new DeleteAlertRule(), state), RequestMetadata.For(http), IntegrationMessages.ForAlertRule, ct);
        return Results.NoContent();
    }

    /// <summary>The tenant's rule unless it was deleted; the id is looked up within the tenant, so another tenant's rule is never found.</summary>
    static async Task<AlertRuleConfig?> FindAsync(string tenantId, string ruleId, Documents documents, CancellationToken ct) =>
        await documents.GetAsync<AlertRuleConfig>(AlertRuleProjection.Table, AlertRuleProjection.IdOf(tenantId, ruleId), ct) is { Deleted: false } rule
            ? rule
            : null;

    static IResult RuleNotFound(string ruleId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Alert rule not found", detail: $"This tenant has no alert rule '{ruleId}'.");
}
