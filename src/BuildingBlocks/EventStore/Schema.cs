using Npgsql;

namespace BuildingBlocks.EventStore;

/// <summary>
/// The event store's tables, created or migrated at start-up. Each step runs once, in order, under an advisory lock so
/// several instances starting together do not race.
/// </summary>
public static class Schema
{
    const long MigrationLock = 0x6576656e7473; // "events"

    static readonly string[] Steps =
    [
        """
        create table es_streams (
            stream_id  text primary key,
            version    int not null,
            created_at timestamptz not null default now(),
            updated_at timestamptz not null default now()
        );
        create table es_events (
            position       bigint generated always as identity primary key,
            transaction_id xid8 not null default pg_current_xact_id(),
            stream_id      text not null,
            version        int not null,
            event_id       uuid not null unique,
            event_type     text not null,
            data           jsonb not null,
            actor          text,
            correlation_id text,
            causation_id   text,
            recorded_at    timestamptz not null default now(),
            unique (stream_id, version)
        );
        create table es_outbox (
            id             bigint generated always as identity primary key,
            message_id     uuid not null unique,
            topic          text not null,
            message_key    text not null,
            message_type   text not null,
            tenant         text not null,
            correlation_id text not null,
            payload        bytea not null,
            created_at     timestamptz not null default now(),
            published_at   timestamptz
        );
        create index es_outbox_unpublished on es_outbox (id) where published_at is null;
        create table es_checkpoints (
            subscriber text primary key,
            position   bigint not null
        );
        """,
    ];

    /// <param name="extraSteps">The owning context's own tables (projections), migrated the same way after the store's.</param>
    public static async Task MigrateAsync(NpgsqlDataSource db, string owner, IReadOnlyList<string> extraSteps, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await Execute(connection, "select pg_advisory_xact_lock(@lock)", ct, ("lock", MigrationLock));
        await Execute(connection, "create table if not exists schema_steps (owner text not null, step int not null, applied_at timestamptz not null default now(), primary key (owner, step))", ct);
        await ApplyAsync(connection, "eventstore", Steps, ct);
        await ApplyAsync(connection, owner, extraSteps, ct);
        await tx.CommitAsync(ct);
    }

    static async Task ApplyAsync(NpgsqlConnection connection, string owner, IReadOnlyList<string> steps, CancellationToken ct)
    {
        await using var applied = new NpgsqlCommand("select coalesce(max(step), 0) from schema_steps where owner = @owner", connection);
        applied.Parameters.AddWithValue("owner", owner);
        var done = (int)(await applied.ExecuteScalarAsync(ct))!;
        for (var step = done + 1; step <= steps.Count; step++)
        {
            await Execute(connection, steps[step - 1], ct);
            await Execute(connection, "insert into schema_steps (owner, step) values (@owner, @step)", ct, ("owner", owner), ("step", step));
        }
    }

    static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(ct);
    }
}
