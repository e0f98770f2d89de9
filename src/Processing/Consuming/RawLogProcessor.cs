using System.Diagnostics;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Contracts.Logs;

namespace Processing.Consuming;

/// <summary>
/// Reads logs.raw in the "processing" group, runs each batch through its tenant's current pipeline and writes the
/// result to logs.processed under the input batch's id. Input offsets are committed only after every output and
/// dead-letter message of the poll was acknowledged, so a crash replays (never skips) input; a replayed input
/// produces an output batch with the same id, which the reader drops. Kafka transactions would avoid the replay,
/// but Azure Event Hubs (a production target) does not offer them, so the id scheme is the one contract that
/// holds on every broker.
/// </summary>
public sealed class RawLogProcessor(ProcessorOptions options, TenantPipelines pipelines, MessageProducer producer, ILogger<RawLogProcessor> logger)
    : BackgroundService
{
    public const string GroupId = "processing";
    readonly RecordDeadLetters deadLetters = new(producer);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    void Run(CancellationToken ct)
    {
        while (!pipelines.IsReady)
            if (ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100))) return;
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = GroupId,
            ClientId = "processing",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            ReconnectBackoffMaxMs = 1000,
            SessionTimeoutMs = 10_000,
            // A fetch returns after at most 100 ms even when little has arrived: a quiet tenant's line is not held back.
            FetchWaitMaxMs = 100,
        }).SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message)).Build();
        ConsumerLag.Track(consumer);
        consumer.Subscribe(Topics.LogsRaw);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var polled = Poll(consumer, ct);
                if (polled.Count == 0) continue;
                try
                {
                    Task.WhenAll(polled.SelectMany(Process)).GetAwaiter().GetResult();
                    consumer.Commit(polled.GroupBy(r => r.TopicPartition)
                        .Select(g => new TopicPartitionOffset(g.Key, g.Max(r => r.Offset.Value) + 1)));
                }
                catch (Exception e) when (e is KafkaException or AggregateException)
                {
                    // Nothing of this poll is committed: rewind and process it again; outputs already written come
                    // again under the same batch ids.
                    logger.LogWarning(e, "Writing the results of {Count} input batch(es) failed; retrying them", polled.Count);
                    foreach (var first in polled.GroupBy(r => r.TopicPartition).Select(g => g.MinBy(r => r.Offset.Value)!))
                        consumer.Seek(first.TopicPartitionOffset);
                    ct.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: whatever was committed stays; the rest is replayed by the next owner.
        }
        finally
        {
            ConsumerLag.Untrack();
            consumer.Close();
        }
    }

    /// <summary>Waits for one message, then takes whatever else is already fetched, up to the poll size.</summary>
    List<ConsumeResult<string, byte[]>> Poll(IConsumer<string, byte[]> consumer, CancellationToken ct)
    {
        var polled = new List<ConsumeResult<string, byte[]>>();
        if (consumer.Consume(ct) is not { Message: not null } first) return polled;
        polled.Add(first);
        while (polled.Count < options.MaxBatchesPerPoll && consumer.Consume(TimeSpan.Zero) is { Message: not null } next) polled.Add(next);
        return polled;
    }

    IEnumerable<Task> Process(ConsumeResult<string, byte[]> input)
    {
        LogBatch batch;
        Envelope envelope;
        try
        {
            envelope = EnvelopeCodec.FromMessage(input.Message);
            batch = LogBatchCodec.Decode(input.Message.Value);
            if (batch.Tenant != input.Message.Key || batch.Tenant != envelope.Tenant)
                throw new LogBatchFormatException($"batch of tenant '{batch.Tenant}' arrived under key '{input.Message.Key}'");
        }
        catch (Exception e) when (e is MalformedEnvelopeException or LogBatchFormatException)
        {
            logger.LogError(e, "Unreadable input at {Partition}@{Offset}; sent to the dead-letter topic", input.Partition.Value, input.Offset.Value);
            return [deadLetters.SendAsync(input.Message.Key ?? "", input.Message.Value, e.Message, input)];
        }

        var started = Stopwatch.GetTimestamp();
        var tenant = ProcessingMetrics.Tenant(batch.Tenant);
        var pipeline = pipelines.For(batch.Tenant);
        var kept = new List<LogRecord>(batch.Records.Count);
        var sends = new List<Task>();
        long dropped = 0, redacted = 0, failed = 0;
        foreach (var record in batch.Records)
        {
            var outcome = pipeline.Run(record);
            if (outcome.Record is { } processed)
            {
                kept.Add(processed);
                if (outcome.Redactions > 0) redacted++;
            }
            else if (outcome.Error is { } error)
            {
                failed++;
                logger.LogWarning(error, "Stage {Stage} failed for a record of {Tenant}; dead-lettered", outcome.Stage, batch.Tenant);
                sends.Add(deadLetters.SendAsync(record, outcome.Stage ?? "pipeline", error, input));
            }
            else
            {
                dropped++;
            }
        }
        ProcessingMetrics.RecordsIn.Add(batch.Records.Count, tenant);
        ProcessingMetrics.RecordsOut.Add(kept.Count, tenant);
        ProcessingMetrics.Dropped.Add(dropped, tenant);
        ProcessingMetrics.Redacted.Add(redacted, tenant);
        ProcessingMetrics.DeadLettered.Add(failed, tenant);
        ProcessingMetrics.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tenant);

        if (kept.Count > 0)
        {
            var output = new LogBatch(batch.Tenant, batch.BatchId, kept);
            sends.Add(producer.PublishAsync(Topics.LogsProcessed, envelope with { Payload = LogBatchCodec.Encode(output), Time = DateTimeOffset.UtcNow }));
        }
        return sends;
    }
}

public sealed record ProcessorOptions(string BootstrapServers, int MaxBatchesPerPoll = 64);
