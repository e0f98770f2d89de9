using System.Text.Json;
using BuildingBlocks.Messaging;
using Contracts.Usage;
using Npgsql;

namespace Tenancy.Usage;

/// <summary>
/// Adds Ingestion's usage reports to the daily rollups. A report is applied once: its message id is recorded in the
/// same transaction, so a redelivery after a crash adds nothing.
/// </summary>
public sealed class UsageRollup(NpgsqlDataSource db)
{
    public MessageHandlers Handlers => new MessageHandlers().On(UsageReported.Type, ApplyAsync);

    public async Task ApplyAsync(Envelope envelope, CancellationToken ct)
    {
        var report = JsonSerializer.Deserialize<UsageReported>(envelope.Payload, JsonSerializerOptions.Web)
            ?? throw new JsonException("empty usage report");
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var seen = new NpgsqlCommand("insert into processed_messages (id) values (@id) on conflict do nothing", connection))
        {
            seen.Parameters.AddWithValue("id", envelope.Id);
            if (await seen.ExecuteNonQueryAsync(ct) == 0) return;
        }
        await using (var add = new NpgsqlCommand("""
            insert into usage_daily (tenant_id, day, events, bytes, rejected, rate_limited)
            values (@tenant, @day, @events, @bytes, @rejected, @limited)
            on conflict (tenant_id, day) do update set
                events = usage_daily.events + excluded.events, bytes = usage_daily.bytes + excluded.bytes,
                rejected = usage_daily.rejected + excluded.rejected, rate_limited = usage_daily.rate_limited + excluded.rate_limited
            """, connection))
        {
            add.Parameters.AddWithValue("tenant", report.TenantId);
            add.Parameters.AddWithValue("day", report.Day);
            add.Parameters.AddWithValue("events", report.Events);
            add.Parameters.AddWithValue("bytes", report.Bytes);
            add.Parameters.AddWithValue("rejected", report.Rejected);
            add.Parameters.AddWithValue("limited", report.RateLimited);
            await add.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
