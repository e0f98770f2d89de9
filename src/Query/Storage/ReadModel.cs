using Query.Indexing;
using Query.Segments;

namespace Query.Storage;

/// <summary>
/// The tenant-partitioned catalog of what is searchable: the in-memory heads and every tenant's segments, with the
/// manifests that make them durable. Flushes and compactions change it under one lock, so a query sees a head's rows
/// either in the head or in its segments, never both and never neither.
/// </summary>
public sealed class ReadModel(SegmentLayout layout, QueryDatabase database, ILogger<ReadModel> logger)
{
    readonly Lock gate = new();
    readonly Dictionary<(string Tenant, int Partition), Manifest> manifests = [];
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
            foreach (var manifestPath in Directory.EnumerateFiles(tenantDirectory, "manifest-p*.json"))
            {
                var manifest = ManifestFile.Read(manifestPath);
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
    public void CommitCompaction(IReadOnlyList<Segment> inputs, Segment output)
    {
        lock (gate)
        {
            var key = (output.Tenant, output.Partition);
            var directory = layout.TenantDirectory(output.Tenant);
            var merged = inputs.Select(s => s.ToEntry(directory).File).ToHashSet();
            var current = manifests[key];
            Save(current with { Segments = [.. current.Segments.Where(e => !merged.Contains(e.File)), output.ToEntry(directory)] });
            var list = SegmentsOf(output.Tenant);
            list.RemoveAll(inputs.Contains);
            list.Add(output);
        }
        foreach (var input in inputs) input.Retire();
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
