using BuildingBlocks.EventStore;
using Contracts.Config;
using Tenancy.AlertRules;
using Tenancy.Configuration;
using Tenancy.Storage;
using Tenancy.Tenants;

namespace Tenancy.Provisioning;

/// <summary>What a new tenant starts with besides its container: the default alert rules.</summary>
public sealed class TenantSeeding(PostgresEventStore store, Documents documents)
{
    /// <summary>Fixed rather than random, so seeding the same tenant twice finds the rule already there.</summary>
    public const string DefaultRuleId = "default-error-spike";

    public static AlertRuleDefinition ErrorRateSpike(string adminEmail) =>
        new("Error rate spike", "level=error | count", "5m", new AlertThreshold(">", 100), "warning", [new AlertChannel("email", adminEmail)]);

    public async Task SeedAsync(string tenantId, CancellationToken ct)
    {
        // The saga handles an onboarding only after it committed, and the summary is written in that same transaction.
        var tenant = await documents.GetAsync<TenantSummary>(TenantSummaryProjection.Table, tenantId, ct)
            ?? throw new InvalidOperationException($"Tenant '{tenantId}' has no summary to seed from");
        // Overtaken by a deletion request: rules for a tenant on its way out would only outlive it.
        if (tenant.Status is not (TenantStatus.Active or TenantStatus.Suspended)) return;

        var create = new CreateAlertRule(tenantId, DefaultRuleId, ErrorRateSpike(tenant.AdminEmail), Enabled: true);
        try
        {
            await store.DecideAsync<AlertRule>(AlertRuleStream.For(tenantId, DefaultRuleId), ExpectedVersion.NoStream,
                state => AlertRule.Decide(create, state), EventMetadata.System("system:provisioning"), IntegrationMessages.ForAlertRule, ct);
        }
        catch (ConcurrencyException)
        {
            // Seeded by an earlier run: the saga replays an onboarding it had not checkpointed, and the rule may since have
            // been changed or deleted by the tenant, which must stand.
        }
    }
}
