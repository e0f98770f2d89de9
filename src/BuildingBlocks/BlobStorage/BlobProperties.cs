namespace BuildingBlocks.BlobStorage;

/// <summary>What the service reports about a stored blob without downloading it.</summary>
/// <param name="ContentMd5">Base64 MD5 of the whole blob as stored with it; null when none was recorded.</param>
/// <param name="ETag">Quoted, exactly as the service sent it, so it can go back in an If-Match header.</param>
public sealed record BlobProperties(long Length, string ETag, string? ContentMd5, DateTimeOffset LastModified, string? ContentType);
