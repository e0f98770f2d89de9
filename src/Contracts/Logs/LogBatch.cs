namespace Contracts.Logs;

/// <summary>
/// The value of one logs.raw message: records of a single tenant accepted in one intake request (or one slice of it).
/// Encoded with <see cref="LogBatchCodec"/>.
/// </summary>
public sealed record LogBatch(string Tenant, Guid BatchId, IReadOnlyList<LogRecord> Records);
