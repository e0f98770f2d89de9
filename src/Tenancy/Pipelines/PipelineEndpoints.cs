using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using Contracts.Config;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Tenancy.Access;
using Tenancy.Configuration;
using Tenancy.Storage;
using Tenancy.Tenants;

namespace Tenancy.Pipelines;

public static class PipelineEndpoints
{
    public static RouteGroupBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var pipeline = app.MapGroup("/api/v1/tenants/{tenantId}/pipeline").WithTags("Pipelines");
        pipeline.MapGet("/", Get).RequireTenantRole(ApiKeyRole.Viewer);
        pipeline.MapPut("/", Define).RequireTenantRole(ApiKeyRole.Operator);
        return pipeline;
    }

    static async Task<IResult> Get(string tenantId, HttpContext http, Documents documents, CancellationToken ct)
    {
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is null) return TenantEndpoints.NotFound(tenantId);
        var pipeline = await documents.GetAsync<PipelineConfig>(PipelineProjection.Table, tenantId, ct) ?? PipelineProjection.Empty(tenantId);
        http.Response.Headers.ETag = ExpectedVersion.ETag(pipeline.Version);
        return Results.Ok(pipeline);
    }

    static async Task<IResult> Define(string tenantId, DefinePipelineRequest? body, [FromHeader(Name = "If-Match")] string? ifMatch,
        HttpContext http, IValidator<DefinePipelineRequest> validator, PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (validator.Problem(body) is { } invalid) return invalid;
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is not { Status: TenantStatus.Active or TenantStatus.Suspended })
            return TenantEndpoints.NotFound(tenantId);
        var define = new DefinePipeline(tenantId, body!.ToStages());
        var decision = await store.DecideAsync<Pipeline>(PipelineStream.For(tenantId), ExpectedVersion.FromIfMatch(ifMatch),
            state => Pipeline.Decide(define, state), RequestMetadata.For(http), IntegrationMessages.ForPipeline, ct);
        http.Response.Headers.ETag = ExpectedVersion.ETag(decision.Version);
        return Results.Ok(await documents.GetAsync<PipelineConfig>(PipelineProjection.Table, tenantId, ct));
    }
}
