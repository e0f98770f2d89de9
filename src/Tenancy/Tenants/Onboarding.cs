using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Tenancy.Access;
using Tenancy.ApiKeys;
using Tenancy.Configuration;
using Tenancy.Storage;

namespace Tenancy.Tenants;

/// <summary>
/// POST /api/v1/tenants: creates the tenant and its first admin key in one transaction and returns the key's secret
/// once. With an Idempotency-Key a retry gets the same tenant back (without the secret, which is never stored).
/// </summary>
static class Onboarding
{
    const string Scope = "onboard";

    public sealed record OnboardingResult(TenantSummary Tenant, IssuedKey AdminKey, bool Replayed = false);
    public sealed record IssuedKey(string Id, string? Secret);

    public static async Task<IResult> OnboardAsync(OnboardTenantRequest? body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http, OnboardingPolicy policy, IValidator<OnboardTenantRequest> validator, IdempotencyStore idempotency,
        PostgresEventStore store, Documents documents, CancellationToken ct)
    {
        if (await policy.RefusalAsync(http) is { } refused) return refused;
        if (validator.Problem(body) is { } invalid) return invalid;

        if (idempotencyKey is { Length: > 0 })
        {
            switch (await idempotency.ClaimAsync(Scope, idempotencyKey, IdempotencyStore.HashOf(body), ct))
            {
                case IdempotencyStore.Replay replay:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    return Results.Json(replay.Body, statusCode: replay.Status);
                case IdempotencyStore.InProgress:
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "A request with this Idempotency-Key is still running");
                case IdempotencyStore.Mismatch:
                    return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                        detail: "This Idempotency-Key was used with a different request body.");
            }
        }

        try
        {
            var result = await OnboardAsync(body!, http, store, documents, ct);
            if (result is null)
            {
                if (idempotencyKey is { Length: > 0 }) await idempotency.ReleaseAsync(Scope, idempotencyKey);
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Tenant already exists",
                    detail: $"A tenant with id '{body!.TenantId}' already exists.");
            }
            if (idempotencyKey is { Length: > 0 })
                await idempotency.CompleteAsync(Scope, idempotencyKey, StatusCodes.Status201Created,
                    result with { AdminKey = result.AdminKey with { Secret = null }, Replayed = true }, ct);
            http.Response.Headers.ETag = ExpectedVersion.ETag(result.Tenant.Version);
            return Results.Created($"/api/v1/tenants/{result.Tenant.TenantId}", result);
        }
        catch when (idempotencyKey is { Length: > 0 })
        {
            await idempotency.ReleaseAsync(Scope, idempotencyKey);
            throw;
        }
    }

    static async Task<OnboardingResult?> OnboardAsync(OnboardTenantRequest body, HttpContext http, PostgresEventStore store,
        Documents documents, CancellationToken ct)
    {
        var onboard = new OnboardTenant(body.TenantId!, body.DisplayName!, body.AdminEmail!, body.Plan ?? Plans.Free,
            body.RetentionDays ?? TenantRules.DefaultRetentionDays, body.MinimumLevel ?? "trace", body.HotWindowMinutes);
        var tenantEvents = Tenant.Decide(onboard, Tenant.Initial);
        var tenant = tenantEvents.Aggregate(Tenant.Initial, (s, e) => s.Evolve(e));

        var keyId = ApiKeySecret.NewKeyId();
        var (secret, salt, hash) = ApiKeySecret.Generate(keyId);
        var keyEvents = ApiKey.Decide(new IssueApiKey(keyId, onboard.TenantId, "admin", ApiKeyRole.Admin, [.. ApiKeyScopes.All.Order()], null,
            salt, hash), ApiKey.Initial);
        var key = keyEvents.Aggregate(ApiKey.Initial, (s, e) => s.Evolve(e));

        try
        {
            await store.AppendAsync(
                [new StreamAppend(TenantStream.For(onboard.TenantId), ExpectedVersion.NoStream, tenantEvents),
                 new StreamAppend(ApiKeyStream.For(onboard.TenantId, keyId), ExpectedVersion.NoStream, keyEvents)],
                RequestMetadata.For(http, actor: "self-service"),
                [.. IntegrationMessages.ForTenant(tenant, 1), .. IntegrationMessages.ForKey(key, 1)], ct);
        }
        catch (ConcurrencyException)
        {
            return null;
        }
        var summary = await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, onboard.TenantId, ct);
        return new OnboardingResult(summary!, new IssuedKey(keyId, secret));
    }
}
