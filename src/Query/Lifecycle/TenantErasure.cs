using BuildingBlocks.TenantConfig;
using Contracts.Lifecycle;
using Query.Archive;
using Query.Storage;

namespace Query.Lifecycle;

/// <summary>
/// Erases every line of a tenant whose deletion was requested: the head is flushed first, then hot segments, archive
/// objects and cached copies go. When the first erasure is complete it says so once (TenantDataDeleted, recorded by a
/// marker file); the indexer drops the tenant's lines from then on, and any that slipped past are erased by later rounds.
/// </summary>
public sealed class TenantErasure(ReadModel readModel, ArchiveStore store, TenantConfigCache config, LifecycleEvents events,
    ILogger<TenantErasure> logger)
{
    string MarkerDirectory => Path.Combine(readModel.Layout.Root, "erased");

    public static bool IsDeleted(Contracts.Config.TenantConfig? tenant) => tenant is { Status: "deletionrequested" or "deleted" };

    /// <summary>One round over every deleted tenant; returns the number of tenants erased.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var erased = 0;
        foreach (var tenant in config.Tenants.Where(IsDeleted).Select(t => t.TenantId))
        {
            var marker = Path.Combine(MarkerDirectory, Segments.SegmentLayout.SafeTenant(tenant));
            var announced = File.Exists(marker);
            if (announced && !Directory.Exists(readModel.Layout.TenantDirectory(tenant))) continue;
            // Lines indexed before the deletion became known may still be in the head: erase them in this round too.
            if (!announced) await readModel.WaitForFlushAsync(TimeSpan.FromSeconds(10), ct);

            var removed = readModel.RemoveTenant(tenant);
            var objects = 0;
            foreach (var item in await store.ListAsync(tenant, ct))
                if (await store.DeleteAsync(tenant, item.Name, ct)) objects++;
            var lines = removed.Sum(s => s.Rows);
            ArchiveMetrics.LinesDeleted.Add(lines, new KeyValuePair<string, object?>("reason", "tenant-deleted"));
            logger.LogInformation("Erased tenant {Tenant}: {Lines} lines, {Segments} hot segments, {Objects} archive objects",
                tenant, lines, removed.Count(s => s.IsHot), objects);
            if (!announced)
            {
                await events.TenantDeletedAsync(new TenantDataDeleted(tenant, lines, removed.Count(s => s.IsHot), objects, DateTimeOffset.UtcNow), ct);
                Directory.CreateDirectory(MarkerDirectory);
                await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O"), ct);
            }
            erased++;
        }
        return erased;
    }
}
