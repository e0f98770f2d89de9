using Query.Storage;

namespace Query.Archive;

/// <summary>
/// Deletes the blobs a tenant's archive catalog lists as pending once they are due: uploads a crash cut off from their
/// commit, objects replaced by merges or rewrites, objects removed by retention. Only blobs the catalog names are
/// deleted, so data this node does not know about is never touched.
/// </summary>
public sealed class ArchiveSweeper(ReadModel readModel, ArchiveStore store, ILogger<ArchiveSweeper> logger)
{
    public async Task<int> SweepAllAsync(CancellationToken ct)
    {
        var deleted = 0;
        foreach (var tenant in readModel.Tenants()) deleted += await SweepAsync(tenant, ct);
        return deleted;
    }

    public async Task<int> SweepAsync(string tenant, CancellationToken ct)
    {
        var catalog = readModel.Catalog(tenant);
        var listed = catalog.Objects.Select(o => o.Blob).ToHashSet();
        var due = catalog.PendingBlobs.Where(p => p.DeleteAfter <= DateTimeOffset.UtcNow).Select(p => p.Blob).ToList();
        if (due.Count == 0) return 0;
        foreach (var blob in due.Where(b => !listed.Contains(b)))
        {
            await store.DeleteAsync(tenant, blob, ct);
            logger.LogDebug("Deleted archive object {Blob} of {Tenant}: it is no longer part of the archive", blob, tenant);
        }
        readModel.RemovePending(tenant, due);
        return due.Count;
    }
}
