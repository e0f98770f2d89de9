using Query.Archive;
using Query.Lifecycle;

namespace Query.Segments;

/// <summary>
/// The read model's background work, one step after another so no two of them rewrite the same files: erasing
/// deleted tenants, retention, compaction, then tiering to the archive. Delete-by-query takes the same
/// <see cref="Gate"/>. A failed step is logged and tried again next round.
/// </summary>
public sealed class StorageMaintenance(ArchiveOptions options, Compactor compactor, ArchiveTiering tiering, Retention retention,
    TenantErasure erasure, ILogger<StorageMaintenance> logger) : BackgroundService
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.MaintenanceInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Gate.WaitAsync(stoppingToken);
            try
            {
                await Step("Erasing deleted tenants", () => erasure.RunAsync(stoppingToken), stoppingToken);
                await Step("Retention", () => retention.RunAsync(stoppingToken), stoppingToken);
                await Step("Compaction", () => Task.Run(() => compactor.CompactAll(stoppingToken), stoppingToken), stoppingToken);
                await Step("Tiering", () => tiering.RunAsync(stoppingToken), stoppingToken);
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    async Task Step(string name, Func<Task<int>> step, CancellationToken ct)
    {
        try
        {
            await step();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "{Step} failed; it is tried again on the next round", name);
        }
    }
}
