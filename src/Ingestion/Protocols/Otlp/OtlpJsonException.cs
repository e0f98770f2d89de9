namespace Ingestion.Protocols.Otlp;

/// <summary>An OTLP/JSON body whose structure is not an export request (a field of the wrong JSON type).</summary>
sealed class OtlpJsonException(string message) : Exception(message);
