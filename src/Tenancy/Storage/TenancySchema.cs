namespace Tenancy.Storage;

/// <summary>Tenancy's read models and bookkeeping, migrated after the event store's own tables.</summary>
static class TenancySchema
{
    static string DocumentTable(string name) => $"""
        create table {name} (
            id         text primary key,
            tenant_id  text not null,
            doc        jsonb not null,
            version    int not null,
            updated_at timestamptz not null default now()
        );
        create index {name}_tenant on {name} (tenant_id);
        """;

    public static readonly IReadOnlyList<string> Steps =
    [
        DocumentTable("tenants") + DocumentTable("api_keys") + DocumentTable("pipelines") + DocumentTable("alert_rules") + """
            create index es_events_stream_prefix on es_events (stream_id text_pattern_ops, position);
            create table idempotency_keys (
                scope        text not null,
                key          text not null,
                request_hash text not null,
                status       int,
                body         jsonb,
                created_at   timestamptz not null default now(),
                primary key (scope, key)
            );
            create table usage_daily (
                tenant_id    text not null,
                day          date not null,
                events       bigint not null default 0,
                bytes        bigint not null default 0,
                rejected     bigint not null default 0,
                rate_limited bigint not null default 0,
                primary key (tenant_id, day)
            );
            """,
        """
        create table processed_messages (
            id           text primary key,
            processed_at timestamptz not null default now()
        );
        """,
    ];
}
