using Contracts.Logs;

namespace Ingestion.Protocols;

/// <summary>
/// What a parser made of a request body: the records that passed, the items that did not, or — when the body could not
/// be read as the protocol at all — a top-level <see cref="Error"/> and nothing else.
/// </summary>
public sealed class ParseResult
{
    static readonly LogRecord[] NoRecords = [];
    static readonly RejectedItem[] NoRejections = [];

    internal ParseResult(IReadOnlyList<LogRecord> accepted, IReadOnlyList<RejectedItem> rejected, string? error)
    {
        Accepted = accepted;
        Rejected = rejected;
        Error = error;
    }

    public IReadOnlyList<LogRecord> Accepted { get; }

    /// <summary>In request order.</summary>
    public IReadOnlyList<RejectedItem> Rejected { get; }

    /// <summary>Why the body as a whole is unreadable (answer 400); <c>null</c> when it was read, even if every item was rejected.</summary>
    public string? Error { get; }

    public bool IsMalformed => Error is not null;

    /// <summary>Items the request contained: accepted plus rejected.</summary>
    public int ItemCount => Accepted.Count + Rejected.Count;

    public static ParseResult Malformed(string error) => new(NoRecords, NoRejections, error);

    internal static ParseResult Of(List<LogRecord>? accepted, List<RejectedItem>? rejected) =>
        new((IReadOnlyList<LogRecord>?)accepted ?? NoRecords, (IReadOnlyList<RejectedItem>?)rejected ?? NoRejections, null);
}
