namespace Ingestion.Protocols;

public enum BodyLimit
{
    /// <summary>The bytes sent on the wire.</summary>
    Compressed,

    /// <summary>The bytes after undoing the Content-Encoding.</summary>
    Decompressed,
}

/// <summary>A request body passed one of the size limits of <see cref="RequestBody.ReadAsync"/> (answer 413).</summary>
public sealed class BodyTooLargeException(BodyLimit limit, long limitBytes)
    : Exception($"the request body exceeds the {limitBytes}-byte limit on its {(limit == BodyLimit.Compressed ? "compressed (wire)" : "decompressed")} size")
{
    public BodyLimit Limit { get; } = limit;
    public long LimitBytes { get; } = limitBytes;
}
