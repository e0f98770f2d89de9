namespace BuildingBlocks.BlobStorage;

/// <summary>One entry of a blob listing.</summary>
public sealed record BlobItem(string Name, long Length, DateTimeOffset LastModified);
