namespace Contracts.Logs;

/// <summary>
/// One log event in canonical form, whatever protocol it arrived through.
/// </summary>
/// <remarks>
/// <para><see cref="Attributes"/> is a flat string map. Every intake protocol flattens structured values the same way:
/// nested objects become dotted keys (<c>{"http":{"status":500}}</c> → <c>http.status = "500"</c>), arrays are kept
/// whole as their compact JSON text (<c>tags = ["a","b"]</c>) because indexing each element as its own key would make
/// key cardinality unbounded, scalars keep their JSON spelling (<c>true</c>, <c>1.5e3</c>), and JSON <c>null</c>s are
/// dropped. When two values flatten to the same key the last one wins.</para>
/// <para>Optional fields are <c>null</c> when the source did not send them, never empty strings.</para>
/// </remarks>
public sealed record LogRecord
{
    public static readonly IReadOnlyDictionary<string, string> NoAttributes = AttributeMap.Empty;

    public required string Tenant { get; init; }

    /// <summary>When the event happened, in nanoseconds since the Unix epoch (UTC).</summary>
    public required long TimestampNanos { get; init; }

    /// <summary>When the platform (or, for OTLP, the sending collector) first saw the event, in Unix nanoseconds.</summary>
    public required long ObservedNanos { get; init; }

    public LogLevel Level { get; init; } = LogLevel.Info;
    public string? Service { get; init; }
    public string? Host { get; init; }
    public string Message { get; init; } = "";
    public string? TraceId { get; init; }
    public string? SpanId { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = NoAttributes;
    public required LogSource Source { get; init; }

    /// <summary>A sender-chosen id that makes a retried delivery recognisable as a duplicate; <c>null</c> when the
    /// protocol has no such id.</summary>
    public string? EventId { get; init; }
}
