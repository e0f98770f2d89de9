using BuildingBlocks.DuckDb;
using Query.Segments;
using Query.Storage;

namespace Query.Indexing;

/// <summary>
/// One generation of the in-memory head: an ordinary DuckDB table the indexer appends to, searchable at once. Each
/// flush starts a new generation, writes this one out as segments, then drops it when no query reads it any more.
/// </summary>
public sealed class HeadTable : Retirable
{
    readonly QueryDatabase database;

    public HeadTable(QueryDatabase database, DuckConnection connection, long generation)
    {
        this.database = database;
        Name = "head_" + generation;
        connection.Execute($"CREATE TABLE {Name} (tenant VARCHAR, partition INTEGER, ts BIGINT, observed BIGINT, level VARCHAR, " +
            "service VARCHAR, host VARCHAR, message VARCHAR, trace_id VARCHAR, span_id VARCHAR, attributes VARCHAR, " +
            "source VARCHAR, event_id VARCHAR, row_id BIGINT)");
        Started = DateTime.UtcNow;
    }

    public string Name { get; }
    public DateTime Started { get; }
    public int Rows { get; set; }

    /// <summary>Batches whose records are in this generation, by tenant: they go into the first segment's index.</summary>
    public Dictionary<string, List<SeenBatch>> Batches { get; } = [];

    /// <summary>Rows of one tenant, partition and hour in the segment schema, newest first.</summary>
    public string SegmentRows(string tenant, int partition, long hourStartNanos) =>
        "SELECT make_timestamp_ns(ts) AS timestamp, make_timestamp_ns(observed) AS observed_timestamp, level, service, host, " +
        "message, trace_id, span_id, CAST(attributes AS JSON)::MAP(VARCHAR, VARCHAR) AS attributes, source, event_id, row_id " +
        $"FROM {Name} WHERE tenant = '{SegmentLayout.SafeTenant(tenant)}' AND partition = {partition} " +
        $"AND ts >= {hourStartNanos} AND ts < {hourStartNanos + SegmentLayout.NanosPerHour} ORDER BY ts DESC, row_id DESC";

    protected override void Free()
    {
        using var lease = database.Rent();
        lease.Connection.Execute($"DROP TABLE IF EXISTS {Name}");
    }
}
