using System.Diagnostics;
using BuildingBlocks.DuckDb;
using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Confluent.Kafka;
using Contracts;
using Contracts.Logs;
using Query.Lifecycle;
using Query.Search;
using Query.Storage;
using Query.Tail;

namespace Query.Indexing;

/// <summary>
/// Consumes logs.processed into the head and flushes the head into segments every interval. Exactly once: a record
/// is skipped when its tenant's manifest already covers its offset (this indexer crashed after a flush but before
/// the Kafka commit) or when its batch id was indexed before (the processor replayed the batch at a new offset).
/// Offsets are committed only after the flush that contains them is durable.
/// </summary>
public sealed class LogIndexer(IndexerOptions options, StorageOptions storage, QueryDatabase database, ReadModel readModel,
    HeadFlusher flusher, QueryCache cache, TailHub tail, TenantConfigCache config, ILogger<LogIndexer> logger) : BackgroundService
{
    public const string GroupId = "query";
    readonly RecentBatches recent = new(storage.DedupeWindow);
    readonly Dictionary<TopicPartition, long> positions = [];
    readonly HashSet<string> lateTenants = [];
    long generation;
    DuckConnection? connection;
    HeadTable? head;
    HeadRows? rows;

    /// <summary>True once the read model is loaded and the consumer runs (readiness).</summary>
    public bool IsRunning { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    void Run(CancellationToken ct)
    {
        readModel.Load();
        recent.Load(readModel.Tenants().SelectMany(readModel.Segments).SelectMany(s => s.Index.Batches));
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            GroupId = GroupId,
            ClientId = "query-indexer",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            ReconnectBackoffMaxMs = 1000,
            SessionTimeoutMs = 10_000,
            // A fetch returns after at most 100 ms even when little has arrived: lines reach search and tails sooner.
            FetchWaitMaxMs = 100,
            // librdkafka prefetches up to 64 MB per partition by default; the head, not the fetch queue, should hold memory.
            QueuedMaxMessagesKbytes = 16 * 1024,
        }).SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message))
          .SetPartitionsRevokedHandler((c, _) => Flush(c))
          .Build();
        connection = database.Connect();
        StartHead();
        consumer.Subscribe(Topics.LogsProcessed);
        IsRunning = true;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var consumed = 0;
                while (consumed < options.MaxMessagesPerAppend && consumer.Consume(consumed == 0 ? 100 : 0) is { Message: not null } result)
                {
                    Index(result);
                    consumed++;
                }
                if (consumed > 0) MakeVisible();
                if (head!.Rows >= storage.MaxHeadRows || (head.Rows > 0 && DateTime.UtcNow - head.Started >= storage.FlushInterval))
                    Flush(consumer);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            IsRunning = false;
            try
            {
                Flush(consumer);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The last flush on shutdown failed; its records are indexed again on the next start");
            }
            consumer.Close();
            rows?.Dispose();
            connection.Dispose();
        }
    }

    void Index(ConsumeResult<string, byte[]> input)
    {
        var partition = input.Partition.Value;
        positions[input.TopicPartition] = input.Offset.Value + 1;
        LogBatch batch;
        try
        {
            EnvelopeCodec.FromMessage(input.Message);
            batch = LogBatchCodec.Decode(input.Message.Value);
        }
        catch (Exception e) when (e is MalformedEnvelopeException or LogBatchFormatException)
        {
            IndexerMetrics.Unreadable.Add(1);
            logger.LogError(e, "Unreadable logs.processed message at {Partition}@{Offset} skipped", partition, input.Offset.Value);
            return;
        }
        if (TenantErasure.IsDeleted(config.Tenant(batch.Tenant)))
        {
            IndexerMetrics.OfDeletedTenants.Add(batch.Records.Count);
            return;
        }
        if (input.Offset.Value < readModel.NextOffset(batch.Tenant, partition) || !recent.TryAdd(batch.BatchId, out var seen))
        {
            IndexerMetrics.Duplicates.Add(1, IndexerMetrics.Tenant(batch.Tenant));
            return;
        }
        var late = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks - QueryCache.FinishedAfter.Ticks) * 100;
        if (batch.Records.Any(r => r.TimestampNanos <= late)) lateTenants.Add(batch.Tenant);
        for (var i = 0; i < batch.Records.Count; i++)
        {
            rows!.Append(batch.Tenant, partition, batch.Records[i], HeadRows.RowId(partition, input.Offset.Value, i));
            tail.Publish(batch.Tenant, batch.Records[i]);
        }
        head!.Rows += batch.Records.Count;
        (head.Batches.TryGetValue(batch.Tenant, out var list) ? list : head.Batches[batch.Tenant] = []).Add(seen);
        IndexerMetrics.Records.Add(batch.Records.Count, IndexerMetrics.Tenant(batch.Tenant));
    }

    /// <summary>
    /// Commits the appended rows, which makes them searchable, then invalidates cached answers of finished ranges
    /// that late lines fell into. After, not before: a query reads the cache epoch before it takes its view, so one
    /// that missed these lines used the old epoch, which the bump retires.
    /// </summary>
    void MakeVisible()
    {
        rows!.Flush();
        foreach (var tenant in lateTenants) cache.NoteLateData(tenant);
        lateTenants.Clear();
    }

    void StartHead()
    {
        head = new HeadTable(database, connection!, ++generation);
        rows = new HeadRows(connection!.CreateAppender(head.Name));
        readModel.AddHead(head);
    }

    /// <summary>Writes the current head out as segments, publishes them in its place, then commits the offsets.</summary>
    void Flush(IConsumer<string, byte[]> consumer)
    {
        if (head is null || connection is null) return;
        MakeVisible();
        rows!.Dispose();
        var flushed = head;
        var covered = positions.ToDictionary();
        StartHead();
        if (flushed.Rows == 0)
        {
            readModel.CommitFlush(flushed, []);
            return;
        }
        var started = Stopwatch.GetTimestamp();
        var parts = flusher.Write(connection, flushed, covered.ToDictionary(p => p.Key.Partition.Value, p => p.Value));
        readModel.CommitFlush(flushed, parts);
        recent.Prune();
        IndexerMetrics.FlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        consumer.Commit(covered.Select(p => new TopicPartitionOffset(p.Key, p.Value)));
    }
}
