namespace Ingestion.Protocols;

/// <summary>One item of a request that was refused, by its position in the request (0-based, in the protocol's own
/// unit: array element, NDJSON line with content, bulk action, Loki entry, OTLP log record) and why.</summary>
public readonly record struct RejectedItem(int Index, string Reason);
