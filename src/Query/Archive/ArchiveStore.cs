using System.Security.Cryptography;
using BuildingBlocks.BlobStorage;

namespace Query.Archive;

/// <summary>The archive's objects in blob storage: verified uploads, verified downloads, deletion and listing.</summary>
public sealed class ArchiveStore(BlobStorageClient blobs)
{
    /// <summary>Uploads a local Parquet file (in 4 MiB blocks when large) and checks what the service stored.</summary>
    /// <returns>The object's base64 MD5.</returns>
    public async Task<string> UploadAsync(string tenant, string blob, string localPath, CancellationToken ct)
    {
        var md5 = await Md5Async(localPath, ct);
        var length = new FileInfo(localPath).Length;
        await using (var file = File.OpenRead(localPath))
            await blobs.PutBlobAsync(ArchiveLayout.ContainerFor(tenant), blob, file, "application/vnd.apache.parquet", ct);
        var stored = await blobs.GetBlobPropertiesAsync(ArchiveLayout.ContainerFor(tenant), blob, ct);
        if (stored is null || stored.Length != length || stored.ContentMd5 != md5)
            throw new InvalidDataException($"The archive object {blob} does not match its local copy after upload " +
                $"(stored {stored?.Length} bytes, MD5 {stored?.ContentMd5}; local {length} bytes, MD5 {md5}).");
        return md5;
    }

    /// <summary>Downloads an object to <paramref name="localPath"/> through a temporary file renamed once verified.</summary>
    public async Task DownloadAsync(string tenant, ArchiveEntry entry, string localPath, CancellationToken ct)
    {
        var temporary = localPath + ".download";
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            if (!await blobs.DownloadBlobAsync(ArchiveLayout.ContainerFor(tenant), entry.Blob, file, ct))
                throw new FileNotFoundException($"The archive object {entry.Blob} of {tenant} is missing from blob storage.");
        }
        var md5 = await Md5Async(temporary, ct);
        if (md5 != entry.Md5)
        {
            File.Delete(temporary);
            throw new InvalidDataException($"The archive object {entry.Blob} downloaded with MD5 {md5}; the catalog says {entry.Md5}.");
        }
        File.Move(temporary, localPath, overwrite: true);
    }

    public Task<bool> DeleteAsync(string tenant, string blob, CancellationToken ct) =>
        blobs.DeleteBlobAsync(ArchiveLayout.ContainerFor(tenant), blob, ct);

    /// <summary>Every object under the tenant's prefix; none when its container is gone.</summary>
    public async Task<List<BlobItem>> ListAsync(string tenant, CancellationToken ct)
    {
        var items = new List<BlobItem>();
        try
        {
            await foreach (var item in blobs.ListBlobsAsync(ArchiveLayout.ContainerFor(tenant), ArchiveLayout.Prefix(tenant), ct: ct))
                items.Add(item);
        }
        catch (BlobStorageException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
        return items;
    }

    static async Task<string> Md5Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToBase64String(await MD5.HashDataAsync(file, ct));
    }
}
