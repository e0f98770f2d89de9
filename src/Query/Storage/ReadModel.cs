using Query.Archive;
using Query.Indexing;
using Query.Segments;

namespace Query.Storage;

/// <summary>
/// The tenant-partitioned catalog of what is searchable: the in-memory heads and every tenant's hot segments and
/// archive objects, with the manifests and archive catalogs that make them durable. Flushes, compactions, tiering and
/// deletions change it under one lock, so a query sees a line in exactly one place, never two and never none.
/// </summary>
public sealed class ReadModel(SegmentLayout layout, QueryDatabase database, ILogger<ReadModel> logger, ArchiveStore? archive = null)
{
    readonly Lock gate = new();
    readonly Dictionary<(string Tenant, int Partition), Manifest> manifests = [];
    readonly Dictionary<string, ArchiveCatalog> catalogs = [];
    readonly Dictionary<string, List<Segment>> segments = [];
    readonly List<HeadTable> heads = [];

    public SegmentLayout Layout => layout;

    /// <summary>Reads every manifest and index; deletes files no manifest lists (left by a crash mid-write).</summary>
    public void Load()
    {
        // Under the lock: the compactor and queries wait for a complete catalog instead of reading a half-built one.
        lock (gate) LoadFromDisk();
    }

    void LoadFromDisk()
    {
        Directory.CreateDirectory(layout.Root);
        foreach (var tenantDirectory in Directory.EnumerateDirectories(layout.Root, "tenant_id=*"))
        {
            var tenant = Path.GetFileName(tenantDirectory)["tenant_id=".Length..];
            var listed = new HashSet<string>();
            var archived = LoadCatalog(tenant, tenantDirectory, listed);
            foreach (var manifestPath in Directory.EnumerateFiles(tenantDirectory, "manifest-p*.json"))
            {
                var manifest = ManifestFile.Read(manifestPath);
                if (manifest.Segments.Any(e => archived.Contains(e.File)))
                {
                    // Tiering crashed after its archive catalog was written and before this manifest was: finish it.
                    manifest = manifest with { Segments = [.. manifest.Segments.Where(e => !archived.Contains(e.File))] };
                    ManifestFile.Write(manifestPath, manifest);
                }
                manifests[(tenant, manifest.Partition)] = manifest;
                foreach (var entry in manifest.Segments)
                {
                    var path = Path.Combine(tenantDirectory, entry.File);
                    listed.Add(path);
                    listed.Add(SegmentLayout.IndexPathOf(path));
                    var index = ReadIndex(path);
                    SegmentsOf(tenant).Add(new Segment(tenant, manifest.Partition, path, index, entry.Bytes, entry.CreatedAt));
                }
            }
            foreach (var file in Directory.EnumerateFiles(tenantDirectory, "*", SearchOption.AllDirectories))
                if (!file.EndsWith(".json", StringComparison.Ordinal) && !listed.Contains(file))
                {
                    logger.LogInformation("Deleting {File}: no manifest lists it (a write interrupted by a crash)", file);
                    File.Delete(file);
                }
        }
        logger.LogInformation("Read model loaded: {Segments} segments of {Tenants} tenants", segments.Values.Sum(s => s.Count), segments.Count);
    }

    /// <returns>The hot segment files the tenant's archive objects were made from.</returns>
    HashSet<string> LoadCatalog(string tenant, string tenantDirectory, HashSet<string> listed)
    {
        var path = Path.Combine(tenantDirectory, ArchiveLayout.CatalogFile);
        if (!File.Exists(path)) return [];
        var catalog = ManifestFile.Read<ArchiveCatalog>(path);
        catalogs[tenant] = catalog;
        foreach (var entry in catalog.Objects)
        {
            var local = Path.Combine(tenantDirectory, entry.File);
            listed.Add(local);
            listed.Add(SegmentLayout.IndexPathOf(local));
            SegmentsOf(tenant).Add(new Segment(tenant, Segment.ArchivePartition, local, ReadArchiveIndex(tenant, entry, local), entry.Bytes,
                entry.CreatedAt, entry));
        }
        return catalog.Objects.SelectMany(o => o.Sources).ToHashSet();
    }

    /// <summary>An archive object's index is rebuilt from the object, fetched from blob storage when no copy is cached.</summary>
    SegmentIndex ReadArchiveIndex(string tenant, ArchiveEntry entry, string local)
    {
        if (!File.Exists(local) && !File.Exists(SegmentLayout.IndexPathOf(local)) && archive is not null)
        {
            logger.LogWarning("The index of archive object {Blob} is missing; fetching the object to rebuild it", entry.Blob);
            archive.DownloadAsync(tenant, entry, local, CancellationToken.None).GetAwaiter().GetResult();
        }
        return ReadIndex(local);
    }

    /// <summary>An index that cannot be read (a disk error, an edit by hand) is rebuilt from its segment.</summary>
    SegmentIndex ReadIndex(string segmentPath)
    {
        try
        {
            return SegmentIndexFile.Read(SegmentLayout.IndexPathOf(segmentPath));
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException or EndOfStreamException)
        {
            logger.LogWarning(e, "Rebuilding the index of {Segment} from the segment itself", segmentPath);
            using var lease = database.Rent();
            return SegmentWriter.BuildIndex(lease.Connection, segmentPath, []);
        }
    }

    /// <summary>The offset from which this tenant's records in the partition are not yet in a segment.</summary>
    public long NextOffset(string tenant, int partition)
    {
        lock (gate) return manifests.TryGetValue((tenant, partition), out var manifest) ? manifest.NextOffset : 0;
    }

    public IReadOnlyList<Segment> Segments(string tenant)
    {
        lock (gate) return segments.TryGetValue(tenant, out var list) ? [.. list] : [];
    }

    public IReadOnlyList<string> Tenants()
    {
        lock (gate) return [.. segments.Keys];
    }

    public ReadView Acquire(string tenant)
    {
        lock (gate)
        {
            // Everything listed here is live (the lock excludes retirement), so TryAcquire cannot fail.
            var liveHeads = heads.Where(h => h.TryAcquire()).ToList();
            var liveSegments = segments.TryGetValue(tenant, out var list) ? list.Where(s => s.TryAcquire()).ToList() : [];
            return new ReadView(liveHeads, liveSegments);
        }
    }

    /// <summary>Waits until every head that holds lines now has been flushed into segments (within a second or so).</summary>
    /// <exception cref="TimeoutException">The indexer did not flush within <paramref name="timeout"/>.</exception>
    public async Task WaitForFlushAsync(TimeSpan timeout, CancellationToken ct)
    {
        HeadTable[] pending;
        lock (gate) pending = [.. heads.Where(h => h.Rows > 0)];
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (gate)
                if (!pending.Any(heads.Contains)) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The indexer did not flush its head within {timeout.TotalSeconds:0} s.");
            await Task.Delay(50, ct);
        }
    }

    public void AddHead(HeadTable head)
    {
        lock (gate) heads.Add(head);
    }

    /// <summary>Makes a flushed head's segments durable and visible, and the head invisible, in one step.</summary>
    public void CommitFlush(HeadTable flushed, IReadOnlyList<FlushedPart> parts)
    {
        lock (gate)
        {
            foreach (var part in parts)
            {
                var key = (part.Tenant, part.Partition);
                var current = manifests.GetValueOrDefault(key) ?? Manifest.Empty(part.Tenant, part.Partition);
                var directory = layout.TenantDirectory(part.Tenant);
                Save(current with
                {
                    NextOffset = Math.Max(current.NextOffset, part.NextOffset),
                    Segments = [.. current.Segments, .. part.Segments.Select(s => s.ToEntry(directory))],
                });
                SegmentsOf(part.Tenant).AddRange(part.Segments);
            }
            heads.Remove(flushed);
        }
        flushed.Retire();
    }

    /// <summary>Replaces merged segments by their merge; the inputs are deleted once no query reads them.</summary>
    public void CommitCompaction(IReadOnlyList<Segment> inputs, Segment output) => Replace(output.Tenant, inputs, output);

    /// <summary>
    /// Replaces segments of one tenant (hot or archived) by one new segment or by nothing: compaction, tiering, and the
    /// rewrite or removal of files by deletions. The archive catalog is written before the manifests, so a crash in
    /// between leaves an archive object that lists its sources, which <see cref="Load"/> takes out of the hot tier.
    /// The replaced segments are deleted from local disk once no query reads them.
    /// </summary>
    /// <param name="keepRemovedBlobs">How long the blobs of removed archive objects stay (they become pending deletions).</param>
    public void Replace(string tenant, IReadOnlyList<Segment> removed, Segment? added, TimeSpan keepRemovedBlobs = default)
    {
        lock (gate)
        {
            var directory = layout.TenantDirectory(tenant);
            if (added?.Archived is not null || removed.Any(r => !r.IsHot))
            {
                var gone = removed.Where(r => r.Archived is not null).Select(r => r.Archived!.Blob).ToHashSet();
                var current = catalogs.GetValueOrDefault(tenant) ?? ArchiveCatalog.Empty(tenant);
                var objects = current.Objects.Where(o => !gone.Contains(o.Blob));
                var deleteAfter = DateTimeOffset.UtcNow + keepRemovedBlobs;
                SaveCatalog(current with
                {
                    Objects = [.. added?.Archived is { } entry ? objects.Append(entry) : objects],
                    Pending = [.. current.PendingBlobs.Where(p => p.Blob != added?.Archived?.Blob), .. gone.Select(b => new PendingBlob(b, deleteAfter))],
                });
            }
            var hotRemoved = removed.Where(r => r.IsHot).ToList();
            var partitions = hotRemoved.Select(r => r.Partition).Concat(added is { IsHot: true } ? [added.Partition] : []).Distinct();
            foreach (var partition in partitions)
            {
                var files = hotRemoved.Where(r => r.Partition == partition).Select(r => r.ToEntry(directory).File).ToHashSet();
                var current = manifests[(tenant, partition)];
                var kept = current.Segments.Where(e => !files.Contains(e.File));
                Save(current with { Segments = [.. added is { IsHot: true } && added.Partition == partition ? kept.Append(added.ToEntry(directory)) : kept] });
            }
            var list = SegmentsOf(tenant);
            list.RemoveAll(removed.Contains);
            if (added is not null) list.Add(added);
        }
        foreach (var segment in removed) segment.Retire();
    }

    public ArchiveCatalog Catalog(string tenant)
    {
        lock (gate) return catalogs.GetValueOrDefault(tenant) ?? ArchiveCatalog.Empty(tenant);
    }

    /// <summary>Records, before an upload starts, that the blob may exist: a crash before its commit leaves it to be deleted.</summary>
    public void AddPending(string tenant, string blob)
    {
        lock (gate)
        {
            var current = catalogs.GetValueOrDefault(tenant) ?? ArchiveCatalog.Empty(tenant);
            SaveCatalog(current with { Pending = [.. current.PendingBlobs.Where(p => p.Blob != blob), new PendingBlob(blob, DateTimeOffset.MinValue)] });
        }
    }

    /// <summary>Forgets pending blobs once they are deleted from storage.</summary>
    public void RemovePending(string tenant, IReadOnlyCollection<string> blobs)
    {
        lock (gate)
        {
            if (!catalogs.TryGetValue(tenant, out var current)) return;
            SaveCatalog(current with { Pending = [.. current.PendingBlobs.Where(p => !blobs.Contains(p.Blob))] });
        }
    }

    /// <summary>Forgets everything of a deleted tenant and deletes its folder; returns what it held.</summary>
    public IReadOnlyList<Segment> RemoveTenant(string tenant)
    {
        List<Segment> removed;
        lock (gate)
        {
            removed = segments.Remove(tenant, out var list) ? list : [];
            catalogs.Remove(tenant);
            foreach (var key in manifests.Keys.Where(k => k.Tenant == tenant).ToList()) manifests.Remove(key);
            var directory = layout.TenantDirectory(tenant);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        foreach (var segment in removed) segment.Retire();
        return removed;
    }

    void SaveCatalog(ArchiveCatalog catalog)
    {
        var directory = layout.TenantDirectory(catalog.Tenant);
        Directory.CreateDirectory(directory);
        ManifestFile.Write(Path.Combine(directory, ArchiveLayout.CatalogFile), catalog);
        catalogs[catalog.Tenant] = catalog;
    }

    void Save(Manifest manifest)
    {
        ManifestFile.Write(layout.ManifestPath(manifest.Tenant, manifest.Partition), manifest);
        manifests[(manifest.Tenant, manifest.Partition)] = manifest;
    }

    List<Segment> SegmentsOf(string tenant) =>
        segments.TryGetValue(tenant, out var list) ? list : segments[tenant] = [];
}

/// <summary>What one flush wrote for one tenant and partition.</summary>
public sealed record FlushedPart(string Tenant, int Partition, long NextOffset, IReadOnlyList<Segment> Segments);
