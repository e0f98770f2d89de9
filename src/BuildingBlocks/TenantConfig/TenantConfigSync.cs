using System.Text.Json;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.TenantConfig;

/// <summary>
/// Keeps a <see cref="TenantConfigCache"/> current. At start it (1) subscribes to platform.config in a consumer group of
/// its own (every process needs every message) reading from the earliest offset the topic holds, (2) waits until the
/// group has assigned it the partition, (3) fetches Tenancy's snapshot and merges it, then goes on applying messages.
/// <para>
/// Why nothing can be missed: Tenancy commits a change and its outbox row in one transaction and publishes the row only
/// after that commit. A change the snapshot lacks was committed after the snapshot was read, so it is published after
/// that, at an offset the consumer (which started from the beginning of the log) has not yet passed. Changes the
/// snapshot already has come again from the topic and are ignored as stale; a topic message applied before the
/// snapshot arrived is not undone by an older snapshot entry. Retention can only drop messages older than the
/// snapshot, whose effect it contains. Waiting for the assignment before fetching means "ready" also means "following
/// the topic", so a service never reports ready while a revocation could not reach it.
/// </para>
/// </summary>
public sealed class TenantConfigSync(TenantConfigCache cache, ConfigSnapshotClient snapshots, TenantConfigOptions options,
    ILogger<TenantConfigSync> logger) : BackgroundService
{
    readonly string groupId = $"config-cache-{options.ServiceName}-{Guid.NewGuid():N}";
    readonly TaskCompletionSource assigned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consuming = Task.Factory.StartNew(() => Consume(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            // Whichever ends first: the assignment, or the consumer failing before it (which rethrows here).
            await await Task.WhenAny(assigned.Task, consuming);
            var snapshot = await snapshots.FetchAsync(stoppingToken);
            var applied = cache.Load(snapshot);
            logger.LogInformation("Configuration snapshot loaded: {Tenants} tenants, {Keys} keys, {Pipelines} pipelines, {Rules} alert rules; " +
                "{Applied} entries newer than the topic had delivered", snapshot.Tenants.Count, snapshot.ApiKeys.Count,
                snapshot.Pipelines.Count, snapshot.AlertRules.Count, applied);
        }
        finally
        {
            await consuming;
        }
    }

    void Consume(CancellationToken ct)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = options.KafkaBootstrapServers,
            GroupId = groupId,
            // Back within a second of a broker outage ending, instead of librdkafka's default of up to 10 s.
            ReconnectBackoffMaxMs = 1000,
            ClientId = $"config-cache-{options.ServiceName}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Nothing to commit: the group is new at every start and the topic is replayed anyway.
            EnableAutoCommit = false,
            // The topic is small and a revocation should bite within a second, so latency wins over fetch efficiency.
            FetchWaitMaxMs = 100,
            SessionTimeoutMs = 10_000,
        })
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                logger.LogInformation("Following {Topic} in group {GroupId} ({Partitions} partition(s))", Topics.PlatformConfig, groupId, partitions.Count);
                if (partitions.Count > 0) assigned.TrySetResult();
            })
            .SetErrorHandler((_, e) => logger.LogWarning("Kafka error while following {Topic}: {Reason}", Topics.PlatformConfig, e.Reason))
            .SetLogHandler((_, m) => logger.LogDebug("librdkafka {Facility}: {Message}", m.Facility, m.Message))
            .Build();
        consumer.Subscribe(Topics.PlatformConfig);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    if (consumer.Consume(ct) is { Message: not null } result) Apply(result);
                }
                catch (ConsumeException e) when (!e.Error.IsFatal)
                {
                    // librdkafka recovers from these on its own (a broker restarting, a topic not created yet).
                    logger.LogWarning(e, "Consuming {Topic} failed; retrying", Topics.PlatformConfig);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping; there are no offsets to commit.
        }
        finally
        {
            consumer.Close();
        }
    }

    void Apply(ConsumeResult<string, byte[]> result)
    {
        try
        {
            var envelope = EnvelopeCodec.FromMessage(result.Message);
            var outcome = cache.Apply(envelope);
            logger.LogDebug("{Type} for tenant {Tenant} at offset {Offset}: {Outcome}", envelope.Type, envelope.Tenant, result.Offset.Value, outcome);
        }
        catch (Exception e) when (e is MalformedEnvelopeException or JsonException)
        {
            // Skipped rather than retried: it would fail the same way forever and hold back every later change, while
            // the entity's next message (it carries the whole state) repairs what this one would have changed.
            TenantConfigMetrics.Unreadable.Add(1);
            logger.LogError(e, "Skipped an unreadable message at {Topic} [{Partition}] @{Offset}", result.Topic, result.Partition.Value, result.Offset.Value);
        }
    }
}
