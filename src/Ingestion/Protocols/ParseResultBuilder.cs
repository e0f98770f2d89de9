using Contracts.Logs;

namespace Ingestion.Protocols;

/// <summary>Collects a parser's outcome item by item, applying the record rules every protocol shares.</summary>
sealed class ParseResultBuilder(IngestContext context)
{
    List<LogRecord>? _accepted;
    List<RejectedItem>? _rejected;

    public IngestContext Context { get; } = context;

    /// <summary>Validates and keeps the record; returns the rejection reason when it breaks a rule.</summary>
    public string? Accept(int index, LogRecord record)
    {
        var problem = LogRecordValidation.Check(record, Context.ReceivedNanos, Context.Limits);
        if (problem is not null)
        {
            Reject(index, problem);
            return problem;
        }
        (_accepted ??= new List<LogRecord>(64)).Add(record);
        return null;
    }

    public void Reject(int index, string reason) => (_rejected ??= []).Add(new RejectedItem(index, reason));

    public ParseResult Build() => ParseResult.Of(_accepted, _rejected);
}
