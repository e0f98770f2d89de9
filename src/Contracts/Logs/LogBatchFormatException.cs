namespace Contracts.Logs;

/// <summary>A logs.raw value that is not a batch this version can read: truncated, corrupted, or from a newer format.</summary>
public sealed class LogBatchFormatException(string message) : Exception(message);
