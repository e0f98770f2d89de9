using BuildingBlocks.BlobStorage;
using BuildingBlocks.EventStore;
using Contracts;
using Npgsql;
using Tenancy.Storage;
using Tenancy.ApiKeys;
using Tenancy.Configuration;
using Tenancy.Tenants;

namespace Tenancy.Provisioning;

/// <summary>
/// Follows the event store: a new tenant gets its blob container and a default alert rule, then is marked provisioned;
/// after bounded retries a failure is recorded with its reason instead. A deletion request is compensated: keys
/// revoked, container removed, tenant marked deleted. Every step is idempotent, so replaying an event is harmless;
/// the checkpoint moves only after an event was handled.
/// </summary>
public sealed class ProvisioningSaga(PostgresEventStore store, NpgsqlDataSource db, BlobStorageClient blobs, Documents documents,
    TenantSeeding seeding, ILogger<ProvisioningSaga> logger) : BackgroundService
{
    const string Subscriber = "provisioning";
    static readonly EventMetadata Actor = EventMetadata.System("system:provisioning");
    public static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var checkpoint = await Checkpoints.LoadAsync(db, Subscriber, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                await foreach (var stored in store.ReadAllAsync(checkpoint, 100, stoppingToken))
                {
                    await HandleAsync(stored, stoppingToken);
                    checkpoint = stored.Position;
                    await Checkpoints.SaveAsync(db, Subscriber, checkpoint, stoppingToken);
                    handled++;
                }
                if (handled == 0) await Task.Delay(200, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Provisioning stalled after position {Position}; retrying", checkpoint);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    Task HandleAsync(StoredEvent stored, CancellationToken ct) => stored.Data switch
    {
        TenantOnboarded e => ProvisionAsync(e.TenantId, ct),
        TenantDeletionRequested => DeleteAsync(stored.StreamId[..stored.StreamId.IndexOf(':')], ct),
        _ => Task.CompletedTask,
    };

    async Task ProvisionAsync(string tenantId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await blobs.CreateContainerIfNotExistsAsync(TenantStorage.ContainerFor(tenantId), ct);
                await seeding.SeedAsync(tenantId, ct);
                await DecideAsync(tenantId, new CompleteProvisioning(TenantStorage.ContainerFor(tenantId)), ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not RuleViolation)
            {
                if (attempt < Backoff.Length)
                {
                    logger.LogWarning(e, "Provisioning {Tenant} failed (attempt {Attempt}); retrying", tenantId, attempt + 1);
                    await Task.Delay(Backoff[attempt], ct);
                    continue;
                }
                logger.LogError(e, "Provisioning {Tenant} failed for good", tenantId);
                await DecideAsync(tenantId, new FailProvisioning(e.Message), ct);
                return;
            }
        }
    }

    async Task DeleteAsync(string tenantId, CancellationToken ct)
    {
        foreach (var key in await documents.ListAsync<ApiKeyRecord>(ApiKeyProjection.Table, tenantId, ct))
        {
            if (key.RevokedAt is not null) continue;
            await store.DecideAsync<ApiKey>(ApiKeyStream.For(tenantId, key.KeyId), ExpectedVersion.Any,
                state => state.Status == ApiKeyStatus.Active ? ApiKey.Decide(new RevokeApiKey(), state) : [], Actor, IntegrationMessages.ForKey, ct);
        }
        await blobs.DeleteContainerAsync(TenantStorage.ContainerFor(tenantId), ct);
        await DecideAsync(tenantId, new CompleteDeletion(), ct);
    }

    async Task DecideAsync(string tenantId, ITenantCommand command, CancellationToken ct)
    {
        try
        {
            await store.DecideAsync<Tenant>(TenantStream.For(tenantId), ExpectedVersion.Any, state => Tenant.Decide(command, state), Actor,
                IntegrationMessages.ForTenant, ct);
        }
        catch (RuleViolation e)
        {
            // Already done by an earlier run, or overtaken (a tenant deleted before it was provisioned): nothing to do.
            logger.LogInformation("Provisioning step for {Tenant} skipped: {Reason}", tenantId, e.Message);
        }
    }
}
