using System.Diagnostics;
using BuildingBlocks.Messaging;
using Contracts;

namespace Query.Bench;

/// <summary>
/// Publishes the data set to logs.processed as the Processing service does: key = tenant, value = the encoded
/// batch, envelope headers with the batch id as the message id, acks=all through the platform's own producer.
/// </summary>
/// <remarks>
/// librdkafka's mock cluster keeps only the newest 5 MiB of each partition (rdkafka_mock.c: <c>max_size</c>, not
/// configurable) and silently drops older message sets, so a consumer further behind skips data. The loader therefore
/// keeps at most <c>backlogBytes</c> of encoded batches published but not yet indexed: one tenant is one partition.
/// </remarks>
sealed class Loader(string bootstrapServers, string tenant)
{
    const string BatchType = "logs.batch.v1"; // Ingestion's LogPublisher.BatchType, kept by Processing
    long published;

    /// <summary>Records the broker has acknowledged so far.</summary>
    public long Published => Interlocked.Read(ref published);

    public TimeSpan Elapsed { get; private set; }

    /// <summary>How long publishing waited for the indexer to catch up (the indexer was the bottleneck then).</summary>
    public TimeSpan Throttled { get; private set; }

    public async Task PublishAsync(Dataset dataset, Func<long> indexed, long backlogBytes, CancellationToken ct)
    {
        using var producer = new MessageProducer(bootstrapServers, "query-bench", deliveryTimeout: TimeSpan.FromMinutes(2));
        var backlogRecords = (long)(backlogBytes / ((double)dataset.EncodedBytes / dataset.Records));
        var started = Stopwatch.StartNew();
        var throttled = new Stopwatch();
        var sends = new List<Task>(dataset.Batches.Count);
        long sent = 0;
        foreach (var batch in dataset.Batches)
        {
            if (sent + batch.Records - indexed() > backlogRecords)
            {
                throttled.Start();
                while (sent > indexed() && sent + batch.Records - indexed() > backlogRecords) await Task.Delay(5, ct);
                throttled.Stop();
            }
            var envelope = new Envelope(batch.Id.ToString("N"), BatchType, tenant, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), batch.Value);
            sends.Add(Send(producer, envelope, batch.Records));
            sent += batch.Records;
        }
        await Task.WhenAll(sends);
        Elapsed = started.Elapsed;
        Throttled = throttled.Elapsed;
    }

    async Task Send(MessageProducer producer, Envelope envelope, int records)
    {
        await producer.PublishAsync(Topics.LogsProcessed, envelope);
        Interlocked.Add(ref published, records);
    }
}
