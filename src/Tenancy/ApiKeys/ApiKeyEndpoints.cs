using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using FluentValidation;
using Tenancy.Access;
using Tenancy.Configuration;
using Tenancy.Storage;
using Tenancy.Tenants;

namespace Tenancy.ApiKeys;

public sealed record IssueApiKeyRequest(string? Name, ApiKeyRole? Role, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

public static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/tenants/{tenantId}/keys").WithTags("API keys");
        keys.MapGet("/", List).RequireTenantRole(ApiKeyRole.Operator);
        keys.MapPost("/", Issue).RequireTenantRole(ApiKeyRole.Admin);
        keys.MapDelete("/{keyId}", Revoke).RequireTenantRole(ApiKeyRole.Admin);
        keys.MapPost("/{keyId}/rotate", Rotate).RequireTenantRole(ApiKeyRole.Admin);
        return keys;
    }

    static async Task<IResult> List(string tenantId, Documents documents, CancellationToken ct) =>
        Results.Ok((await documents.ListAsync<ApiKeyRecord>(ApiKeyProjection.Table, tenantId, ct)).Select(k => k.ToView()));

    static async Task<IResult> Issue(string tenantId, IssueApiKeyRequest? body, HttpContext http, IValidator<IssueApiKeyRequest> validator,
        PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (validator.Problem(body) is { } invalid) return invalid;
        if (await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct) is not { Status: TenantStatus.Active or TenantStatus.Suspended })
            return TenantEndpoints.NotFound(tenantId);
        var keyId = ApiKeySecret.NewKeyId();
        var (secret, salt, hash) = ApiKeySecret.Generate(keyId);
        var issue = new IssueApiKey(keyId, tenantId, body!.Name!, body.Role!.Value, [.. body.Scopes!.Distinct().Order()], body.ExpiresAt, salt, hash);
        await store.DecideAsync<ApiKey>(ApiKeyStream.For(tenantId, keyId), ExpectedVersion.NoStream, state => ApiKey.Decide(issue, state),
            RequestMetadata.For(http), IntegrationMessages.ForKey, ct);
        var record = await documents.GetAsync<ApiKeyRecord>(ApiKeyProjection.Table, keyId, ct);
        return Results.Created($"/api/v1/tenants/{tenantId}/keys/{keyId}", new { key = record!.ToView(), secret });
    }

    static async Task<IResult> Revoke(string tenantId, string keyId, HttpContext http, PostgresEventStore store, Documents documents,
        CancellationToken ct)
    {
        if (!await BelongsToTenant(tenantId, keyId, documents, ct)) return KeyNotFound(keyId);
        await store.DecideAsync<ApiKey>(ApiKeyStream.For(tenantId, keyId), ExpectedVersion.Any, state => ApiKey.Decide(new RevokeApiKey(), state),
            RequestMetadata.For(http), IntegrationMessages.ForKey, ct);
        return Results.NoContent();
    }

    static async Task<IResult> Rotate(string tenantId, string keyId, HttpContext http, PostgresEventStore store, Documents documents,
        CancellationToken ct)
    {
        if (!await BelongsToTenant(tenantId, keyId, documents, ct)) return KeyNotFound(keyId);
        var (secret, salt, hash) = ApiKeySecret.Generate(keyId);
        await store.DecideAsync<ApiKey>(ApiKeyStream.For(tenantId, keyId), ExpectedVersion.Any, state => ApiKey.Decide(new RotateApiKey(salt, hash), state),
            RequestMetadata.For(http), IntegrationMessages.ForKey, ct);
        var record = await documents.GetAsync<ApiKeyRecord>(ApiKeyProjection.Table, keyId, ct);
        return Results.Ok(new { key = record!.ToView(), secret });
    }

    static async Task<bool> BelongsToTenant(string tenantId, string keyId, Documents documents, CancellationToken ct) =>
        await documents.GetAsync<ApiKeyRecord>(ApiKeyProjection.Table, keyId, ct) is { } key && key.TenantId == tenantId;

    static IResult KeyNotFound(string keyId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "API key not found", detail: $"This tenant has no key '{keyId}'.");
}

sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKeyRequest>
{
    public IssueApiKeyValidator(TimeProvider clock)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Role).NotNull().IsInEnum();
        RuleFor(r => r.Scopes).NotEmpty()
            .Must(scopes => scopes!.All(ApiKeyScopes.All.Contains))
            .WithMessage($"scopes must be some of: {string.Join(", ", ApiKeyScopes.All)}.");
        RuleFor(r => r.ExpiresAt).Must(at => at > clock.GetUtcNow()).When(r => r.ExpiresAt is not null)
            .WithMessage("expiresAt must be in the future.");
    }
}
