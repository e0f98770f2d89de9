namespace Contracts.Logs;

/// <summary>The intake protocol a record arrived through. The numeric values are part of the logs.raw wire format.</summary>
public enum LogSource : byte
{
    Native = 0,
    Elasticsearch = 1,
    Loki = 2,
    Otlp = 3,
    Clef = 4,
}
