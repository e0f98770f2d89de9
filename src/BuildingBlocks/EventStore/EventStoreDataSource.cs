using Npgsql;

namespace BuildingBlocks.EventStore;

public static class EventStoreDataSource
{
    /// <summary>
    /// A data source tuned for the store's short, repeated statements: auto-preparation saves PostgreSQL the parse and
    /// plan of every append (measured: ~1,700 → ~2,500 appends/s on two cores, bench/Tenancy.Bench), and skipping the
    /// reset on pooled connections saves a round trip per use.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
        builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }
}
