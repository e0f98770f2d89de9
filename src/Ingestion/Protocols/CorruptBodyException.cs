namespace Ingestion.Protocols;

/// <summary>A compressed request body that its Content-Encoding cannot decode (answer 400).</summary>
public sealed class CorruptBodyException(string message, Exception? inner = null) : Exception(message, inner);
