namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// A parsed _bulk request: the records (with rejections indexed by action ordinal) and one <see cref="BulkItem"/> per
/// action, in request order, to build the response from. When the body is not a bulk request at all,
/// <see cref="Error"/>/<see cref="ErrorType"/> hold what Elasticsearch would answer with a 400.
/// </summary>
public sealed class BulkParseResult
{
    internal BulkParseResult(ParseResult records, IReadOnlyList<BulkItem> items, string? errorType)
    {
        Records = records;
        Items = items;
        ErrorType = errorType;
    }

    public ParseResult Records { get; }
    public IReadOnlyList<BulkItem> Items { get; }
    public string? Error => Records.Error;

    /// <summary>The Elasticsearch error type of a top-level <see cref="Error"/>, e.g. <c>illegal_argument_exception</c>.</summary>
    public string? ErrorType { get; }

    internal static BulkParseResult Malformed(string type, string reason) => new(ParseResult.Malformed(reason), [], type);
}
