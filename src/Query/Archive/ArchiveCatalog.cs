namespace Query.Archive;

/// <summary>
/// The durable list of one tenant's objects in the blob archive, replaced atomically like a manifest. It is the commit
/// point of tiering: an object it lists is part of the read model, and the hot segments named in its
/// <see cref="ArchiveEntry.Sources"/> are not (a crash between the two writes is settled at start-up in its favour).
/// <see cref="Pending"/> names the blobs that may exist without being part of the archive: an upload not yet
/// committed, or an object replaced or deleted whose blob is still to be removed. Only those are ever deleted by
/// name, so a blob this catalog never heard of (another node's, or one whose catalog was lost) is never touched.
/// </summary>
public sealed record ArchiveCatalog(string Tenant, IReadOnlyList<ArchiveEntry> Objects, IReadOnlyList<PendingBlob>? Pending = null)
{
    public static ArchiveCatalog Empty(string tenant) => new(tenant, []);

    public IReadOnlyList<PendingBlob> PendingBlobs => Pending ?? [];
}

/// <param name="DeleteAfter">When the blob may go: at once for an interrupted upload, after a grace period for an
/// object replaced by a merge (a query that took its view before may still fetch it).</param>
public sealed record PendingBlob(string Blob, DateTimeOffset DeleteAfter);

/// <param name="Blob">The object's name in the tenant's container (logs/tenant_id=…/dt=…/part-….parquet).</param>
/// <param name="File">Where its block index (.idx) and cached copy live, relative to the tenant's segment folder.</param>
/// <param name="Md5">Base64 MD5 of the object, checked after upload and on every download.</param>
/// <param name="Sources">The hot segment files (relative to the tenant's folder) whose lines the object holds.</param>
public sealed record ArchiveEntry(string Blob, string File, DateOnly Day, long Rows, long Bytes, long MinTimeNanos, long MaxTimeNanos,
    string Md5, IReadOnlyList<string> Sources, DateTimeOffset CreatedAt);
