using Confluent.Kafka;

namespace BuildingBlocks.Messaging;

/// <summary>
/// Publishes envelopes with acks=all and idempotence: a completed publish means every in-sync replica has the
/// message, and producer retries never duplicate it.
/// </summary>
public sealed class MessageProducer : IDisposable
{
    readonly IProducer<string, byte[]> producer;

    public MessageProducer(string bootstrapServers, string clientId, TimeSpan? deliveryTimeout = null)
    {
        producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            ClientId = clientId,
            // Back within a second of a broker outage ending, instead of librdkafka's default of up to 10 s.
            ReconnectBackoffMaxMs = 1000,
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
            MessageTimeoutMs = (int)(deliveryTimeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds,
        }).SetLogHandler((_, _) => { }).Build();
    }

    /// <exception cref="ProduceException{TKey,TValue}">The broker did not acknowledge the message in time.</exception>
    public Task<DeliveryResult<string, byte[]>> PublishAsync(string topic, Envelope envelope, CancellationToken ct = default) =>
        producer.ProduceAsync(topic, EnvelopeCodec.ToMessage(envelope), ct);

    /// <summary>Re-publishes a record as it is (dead-lettering keeps the original key, value and headers).</summary>
    public Task<DeliveryResult<string, byte[]>> PublishAsync(string topic, Message<string, byte[]> message, CancellationToken ct = default) =>
        producer.ProduceAsync(topic, message, ct);

    public void Dispose()
    {
        producer.Flush(TimeSpan.FromSeconds(10));
        producer.Dispose();
    }
}
