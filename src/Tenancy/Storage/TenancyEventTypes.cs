using BuildingBlocks.EventStore;
using Tenancy.AlertRules;
using Tenancy.ApiKeys;
using Tenancy.DataLifecycle;
using Tenancy.Pipelines;
using Tenancy.Tenants;

namespace Tenancy.Storage;

/// <summary>Every event Tenancy stores, under a name that never changes meaning (see EventTypeRegistry).</summary>
static class TenancyEventTypes
{
    public static EventTypeRegistry Create() => new EventTypeRegistry()
        .Register<TenantOnboarded>("tenant.onboarded.v1")
        .Register<TenantSettingsChanged>("tenant.settings-changed.v1")
        .Register<TenantPlanChanged>("tenant.plan-changed.v1")
        .Register<TenantSuspended>("tenant.suspended.v1")
        .Register<TenantReactivated>("tenant.reactivated.v1")
        .Register<TenantDeletionRequested>("tenant.deletion-requested.v1")
        .Register<TenantProvisioned>("tenant.provisioned.v1")
        .Register<TenantProvisioningFailed>("tenant.provisioning-failed.v1")
        .Register<TenantDeleted>("tenant.deleted.v1")
        .Register<ApiKeyIssued>("apikey.issued.v1")
        .Register<ApiKeyRevoked>("apikey.revoked.v1")
        .Register<ApiKeyRotated>("apikey.rotated.v1")
        .Register<PipelineDefined>("pipeline.defined.v1")
        .Register<AlertRuleCreated>("alertrule.created.v1")
        .Register<AlertRuleChanged>("alertrule.changed.v1")
        .Register<AlertRuleEnabled>("alertrule.enabled.v1")
        .Register<AlertRuleDisabled>("alertrule.disabled.v1")
        .Register<AlertRuleDeleted>("alertrule.deleted.v1")
        .Register<TenantDataPurged>("tenant.data-purged.v1")
        .Register<TenantDataErased>("tenant.data-erased.v1");
}
