using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Logs;

namespace Ingestion.Publishing;

/// <summary>
/// Puts accepted records on logs.raw, keyed by tenant, in batches cut below the broker's message size limit, and
/// returns only when the broker acknowledged every batch (acks=all). A batch id doubles as the envelope id so
/// downstream readers can drop a replayed batch.
/// </summary>
public sealed class LogPublisher(MessageProducer producer, TimeProvider clock)
{
    public const string BatchType = "logs.batch.v1";
    const int MaxBatchBytes = 900 * 1024;
    const int MaxBatchRecords = 10_000;

    /// <exception cref="Confluent.Kafka.KafkaException">A batch was not acknowledged in time: the caller answers 503.</exception>
    public Task PublishAsync(string tenantId, IReadOnlyList<LogRecord> records, string correlationId)
    {
        if (records.Count == 0) return Task.CompletedTask;
        var sends = new List<Task>();
        foreach (var slice in Slices(records))
        {
            var batch = new LogBatch(tenantId, Guid.CreateVersion7(), slice);
            var envelope = new Envelope(batch.BatchId.ToString("N"), BatchType, tenantId, clock.GetUtcNow(), correlationId, LogBatchCodec.Encode(batch));
            // Not cancelled with the request: once sent, the answer must wait for the broker's verdict.
            sends.Add(producer.PublishAsync(Topics.LogsRaw, envelope));
        }
        return Task.WhenAll(sends);
    }

    static IEnumerable<IReadOnlyList<LogRecord>> Slices(IReadOnlyList<LogRecord> records)
    {
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var size = LogBatchCodec.EncodedSize(records[i]);
            if (i > start && (bytes + size > MaxBatchBytes || i - start >= MaxBatchRecords))
            {
                yield return Slice(records, start, i);
                (start, bytes) = (i, 0);
            }
            bytes += size;
        }
        yield return Slice(records, start, records.Count);
    }

    static IReadOnlyList<LogRecord> Slice(IReadOnlyList<LogRecord> records, int start, int end) =>
        start == 0 && end == records.Count ? records : records.Skip(start).Take(end - start).ToArray();
}
