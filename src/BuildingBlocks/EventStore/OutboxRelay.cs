using BuildingBlocks.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BuildingBlocks.EventStore;

/// <summary>
/// Publishes the outbox to Kafka at least once and in order: rows go out by id (a stream's rows are in its version
/// order), each marked published only after the broker acknowledged it. Rows locked by another relay instance are
/// skipped, so several instances can run. A crash between publish and mark republishes the same message id, which
/// consumers drop as a duplicate.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource db, MessageProducer producer, ILogger<OutboxRelay> logger) : BackgroundService
{
    static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(100);
    const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RelayBatchAsync(stoppingToken) == 0) await Task.Delay(IdleDelay, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Relaying the outbox failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    public async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var pending = new List<(long Id, string Topic, Envelope Envelope)>();
        await using (var select = new NpgsqlCommand("""
            select id, message_id, topic, message_type, tenant, correlation_id, payload, created_at
            from es_outbox where published_at is null order by id limit @max for update skip locked
            """, connection))
        {
            select.Parameters.AddWithValue("max", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                pending.Add((reader.GetInt64(0), reader.GetString(2), new Envelope(reader.GetGuid(1).ToString("N"), reader.GetString(3),
                    reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(7), reader.GetString(5), reader.GetFieldValue<byte[]>(6))));
        }
        if (pending.Count == 0) return 0;

        // Sent together: the idempotent producer keeps their order within a partition. If any is not acknowledged the
        // transaction rolls back and the whole batch goes again (duplicates by message id, never a gap). Once sending
        // starts, a stop request waits for the batch to be marked, so only a crash can cause a duplicate.
        await Task.WhenAll(pending.Select(p => producer.PublishAsync(p.Topic, p.Envelope, CancellationToken.None)));

        await using (var mark = new NpgsqlCommand("update es_outbox set published_at = now() where id = any(@ids)", connection))
        {
            mark.Parameters.AddWithValue("ids", pending.Select(p => p.Id).ToArray());
            await mark.ExecuteNonQueryAsync(CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);
        return pending.Count;
    }
}
