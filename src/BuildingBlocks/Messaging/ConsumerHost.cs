using Confluent.Kafka;
using Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.Messaging;

/// <summary>
/// Consumes its topics in a group and hands each envelope to the handler for its type. A message's offset is stored
/// only after its handler succeeded (or after it was safely dead-lettered), and only stored offsets are committed, so
/// a crash replays at most the messages in flight and never skips one. A handler that keeps throwing is retried with
/// backoff, then the original record goes to the topic's .dlq twin with the error in its headers.
/// </summary>
public sealed class ConsumerHost(ConsumerOptions options, MessageHandlers handlers, MessageProducer deadLetters, ILogger<ConsumerHost> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Consume(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    void Consume(CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = options.GroupId,
            // Back within a second of a broker outage ending, instead of librdkafka's default of up to 10 s.
            ReconnectBackoffMaxMs = 1000,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            EnableAutoOffsetStore = false,
            SessionTimeoutMs = 10_000,
        })
            .SetPartitionsRevokedHandler((c, _) => CommitStoredOffsets(c))
            .SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message))
            .Build();
        consumer.Subscribe(options.Topics);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = consumer.Consume(ct);
                if (result?.Message is null) continue;
                Handle(result, ct);
                consumer.StoreOffset(result);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: whatever was handled has its offset stored and is committed below.
        }
        finally
        {
            CommitStoredOffsets(consumer);
            consumer.Close();
        }
    }

    void Handle(ConsumeResult<string, byte[]> result, CancellationToken ct)
    {
        Envelope envelope;
        try
        {
            envelope = EnvelopeCodec.FromMessage(result.Message);
        }
        catch (MalformedEnvelopeException e)
        {
            DeadLetter(result, e, attempts: 0, ct);
            return;
        }

        if (handlers.For(envelope.Type) is not { } handler)
        {
            MessagingMetrics.Ignored.Add(1, MessagingMetrics.Topic(result.Topic));
            logger.LogDebug("No handler for {Type} on {Topic}; skipped", envelope.Type, result.Topic);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                handler(envelope, ct).GetAwaiter().GetResult();
                MessagingMetrics.Handled.Add(1, MessagingMetrics.Topic(result.Topic));
                return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                MessagingMetrics.Failures.Add(1, MessagingMetrics.Topic(result.Topic));
                logger.LogWarning(e, "Handler for {Type} failed on attempt {Attempt}/{MaxAttempts} ({Topic} [{Partition}] @{Offset}, message {MessageId})",
                    envelope.Type, attempt, options.MaxAttempts, result.Topic, result.Partition.Value, result.Offset.Value, envelope.Id);
                if (attempt >= options.MaxAttempts)
                {
                    DeadLetter(result, e, attempt, ct);
                    return;
                }
                if (ct.WaitHandle.WaitOne(options.Backoff(attempt))) throw new OperationCanceledException(ct);
            }
        }
    }

    void DeadLetter(ConsumeResult<string, byte[]> result, Exception error, int attempts, CancellationToken ct)
    {
        var message = new Message<string, byte[]>
        {
            Key = result.Message.Key,
            Value = result.Message.Value,
            Timestamp = result.Message.Timestamp,
            Headers = DeadLetterHeaders.Describe(result, error, attempts),
        };
        var topic = Topics.DeadLetter(result.Topic);
        // Waits for the broker: the offset may move past this message only once its copy is durable.
        deadLetters.PublishAsync(topic, message, ct).GetAwaiter().GetResult();
        MessagingMetrics.DeadLettered.Add(1, MessagingMetrics.Topic(result.Topic));
        logger.LogError(error, "Dead-lettered {Topic} [{Partition}] @{Offset} to {DeadLetterTopic} after {Attempts} attempt(s)",
            result.Topic, result.Partition.Value, result.Offset.Value, topic, attempts);
    }

    void CommitStoredOffsets(IConsumer<string, byte[]> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing handled since the last commit.
        }
        catch (KafkaException e)
        {
            logger.LogWarning(e, "Committing offsets failed; the next owner of these partitions replays from the last commit");
        }
    }
}
