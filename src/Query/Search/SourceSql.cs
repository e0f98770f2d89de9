using Query.Indexing;
using Query.Language;

namespace Query.Search;

/// <summary>
/// The SQL of one source of a query, a head table or a Parquet segment, with the query's time window, cursor and
/// filter, projecting the same columns from both. Only server-made text (table names, file paths, block time bounds)
/// is written into it; every user value is a parameter.
/// </summary>
public sealed class SourceSql(SearchRequest request, SqlParameters parameters, CompiledFilter filter)
{
    readonly string tenant = parameters.Add(request.Tenant);
    readonly string from = parameters.Add(request.FromNanos);
    readonly string to = parameters.Add(request.ToNanos);
    readonly string? cursorTime = request.Cursor is { } c ? parameters.Add(c.TimeNanos) : null;
    readonly string? cursorRow = request.Cursor is { } c ? parameters.Add(c.RowId) : null;

    /// <summary>The columns of a line, as both kinds of source produce them.</summary>
    public static readonly (string Head, string Segment)[] LineColumns =
    [
        ("ts", "epoch_ns(timestamp) AS ts"), ("row_id", "row_id"), ("level", "level"), ("service", "service"), ("host", "host"),
        ("message", "message"), ("trace_id", "trace_id"), ("span_id", "span_id"),
        ("attributes AS attrs", "CAST(to_json(attributes) AS VARCHAR) AS attrs"),
    ];

    /// <summary>A relation with the segment schema and no rows.</summary>
    public const string NoRows =
        "(SELECT NULL::TIMESTAMP_NS AS timestamp, NULL::TIMESTAMP_NS AS observed_timestamp, NULL::VARCHAR AS level, NULL::VARCHAR AS service, " +
        "NULL::VARCHAR AS host, NULL::VARCHAR AS message, NULL::VARCHAR AS trace_id, NULL::VARCHAR AS span_id, " +
        "NULL::MAP(VARCHAR, VARCHAR) AS attributes, NULL::VARCHAR AS source, NULL::VARCHAR AS event_id, NULL::BIGINT AS row_id WHERE false)";

    public string Head(HeadTable head, IEnumerable<(string Head, string Segment)> columns) =>
        $"SELECT {string.Join(", ", columns.Select(c => c.Head))} " +
        $"FROM {head.Name} WHERE tenant = {tenant} AND ts >= {from} AND ts < {to}" +
        (cursorTime is null ? "" : $" AND (ts < {cursorTime} OR (ts = {cursorTime} AND row_id < {cursorRow}))") +
        $" AND {filter.Head}";

    public string Segment(SegmentSelection selection, IEnumerable<(string Head, string Segment)> columns)
    {
        var blocks = selection.Segment.Index.Blocks.Count == selection.BlocksRead
            ? ""
            : " AND (" + string.Join(" OR ", selection.Ranges.Select(r =>
                $"timestamp BETWEEN make_timestamp_ns({r.MinTimeNanos}) AND make_timestamp_ns({r.MaxTimeNanos})")) + ")";
        return $"SELECT {string.Join(", ", columns.Select(c => c.Segment))} " +
               $"FROM read_parquet({Segments.SegmentWriter.Literal(selection.Segment.Path)}) " +
               $"WHERE timestamp >= make_timestamp_ns({from}) AND timestamp < make_timestamp_ns({to}){blocks}" +
               (cursorTime is null ? "" : $" AND timestamp <= make_timestamp_ns({cursorTime}) AND (epoch_ns(timestamp) < {cursorTime} OR (epoch_ns(timestamp) = {cursorTime} AND row_id < {cursorRow}))") +
               $" AND {filter.Segment}";
    }

    /// <summary>Extra columns for fields a query groups, sorts or aggregates by, aliased f0, f1, …</summary>
    public static IEnumerable<(string Head, string Segment)> Fields(IEnumerable<FieldAccess> fields) =>
        fields.Select((f, i) => ($"{f.Head} AS f{i}", $"{f.Segment} AS f{i}"));
}
