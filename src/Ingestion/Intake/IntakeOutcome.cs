using Contracts.Logs;
using Ingestion.Access;
using Ingestion.Protocols;

namespace Ingestion.Intake;

/// <summary>How a request went: refused outright, failed as a whole (<see cref="Failure"/>), or read with per-record results.</summary>
public sealed record IntakeOutcome<T>(IngestTenant? Tenant, T? Parsed, ParseResult? Result, IReadOnlyList<LogRecord> Published,
    int RateLimited, string? RateLimitReason, IntakeFailure? Failure)
{
    public IResult? Refusal { get; private init; }

    public static IntakeOutcome<T> Refused(IResult refusal) => new(null, default, null, [], 0, null, null) { Refusal = refusal };

    public static IntakeOutcome<T> Failed(IngestTenant tenant, int status, string message, T? parsed = default) =>
        new(tenant, parsed, null, [], 0, null, new IntakeFailure(status, message));

    /// <summary>Everything admissible was limited away: the whole request is answered 429.</summary>
    public bool FullyLimited => RateLimited > 0 && Published.Count == 0;
}

public sealed record IntakeFailure(int Status, string Message);
