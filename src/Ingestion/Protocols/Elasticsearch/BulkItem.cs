namespace Ingestion.Protocols.Elasticsearch;

/// <summary>An Elasticsearch-style error of one bulk item, e.g. <c>document_parsing_exception</c>.</summary>
public sealed record BulkItemError(string Type, string Reason);

/// <summary>
/// The outcome of one action of a _bulk request, in the shape its response item needs.
/// </summary>
/// <param name="Index">The target index (<c>_index</c> of the action, else the one in the URL); null when neither gave one.</param>
/// <param name="Id">The action's <c>_id</c>, or a generated one.</param>
/// <param name="Status">201 when the document was accepted, otherwise the error status.</param>
/// <param name="AcceptedIndex">Position of this item's record in <see cref="ParseResult.Accepted"/>, or -1.</param>
public sealed record BulkItem(BulkAction Action, string? Index, string Id, int Status, BulkItemError? Error, int AcceptedIndex)
{
    public const string RejectedExecution = "es_rejected_execution_exception";

    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>This item answered with 429, the status Beats, Logstash and Fluent Bit retry item by item.</summary>
    public BulkItem RateLimited(string reason = "rate limit exceeded; retry later") =>
        this with { Status = 429, Error = new BulkItemError(RejectedExecution, reason), AcceptedIndex = -1 };
}
