using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace BuildingBlocks.Messaging;

/// <summary>Envelope ⇄ Kafka record: tenant as key, payload as value, the rest as headers.</summary>
public static class EnvelopeCodec
{
    public const string IdHeader = "id";
    public const string TypeHeader = "type";
    public const string TenantHeader = "tenant";
    public const string TimeHeader = "time";
    public const string CorrelationIdHeader = "correlation-id";

    public static Message<string, byte[]> ToMessage(Envelope envelope) => new()
    {
        Key = envelope.Tenant,
        Value = envelope.Payload,
        Timestamp = new Timestamp(envelope.Time),
        Headers = new Headers
        {
            { IdHeader, Encoding.UTF8.GetBytes(envelope.Id) },
            { TypeHeader, Encoding.UTF8.GetBytes(envelope.Type) },
            { TenantHeader, Encoding.UTF8.GetBytes(envelope.Tenant) },
            { TimeHeader, Encoding.UTF8.GetBytes(envelope.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)) },
            { CorrelationIdHeader, Encoding.UTF8.GetBytes(envelope.CorrelationId) },
        },
    };

    /// <exception cref="MalformedEnvelopeException">A required header is missing or unreadable.</exception>
    public static Envelope FromMessage(Message<string, byte[]> message)
    {
        var time = long.TryParse(Header(message, TimeHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new MalformedEnvelopeException($"header '{TimeHeader}' is not a unix time in milliseconds");
        return new Envelope(Header(message, IdHeader), Header(message, TypeHeader), Header(message, TenantHeader), time,
            Header(message, CorrelationIdHeader), message.Value ?? []);
    }

    public static string? OptionalHeader(Message<string, byte[]> message, string name) =>
        message.Headers is not null && message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    static string Header(Message<string, byte[]> message, string name) =>
        OptionalHeader(message, name) ?? throw new MalformedEnvelopeException($"header '{name}' is missing");
}

public sealed class MalformedEnvelopeException(string message) : Exception(message);
