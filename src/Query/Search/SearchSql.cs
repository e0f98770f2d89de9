using Query.Indexing;

namespace Query.Search;

/// <summary>
/// The SQL of one search: a UNION ALL of head tables and Parquet reads, ordered newest first. Only server-made text
/// (table names, file paths, block time bounds) is written into it; every user value is a parameter.
/// </summary>
public sealed class SearchSql(SearchRequest request, SqlParameters parameters)
{
    readonly string tenant = parameters.Add(request.Tenant);
    readonly string from = parameters.Add(request.FromNanos);
    readonly string to = parameters.Add(request.ToNanos);
    readonly string? cursorTime = request.Cursor is { } c ? parameters.Add(c.TimeNanos) : null;
    readonly string? cursorRow = request.Cursor is { } c ? parameters.Add(c.RowId) : null;

    public string Head(HeadTable head, SearchPlanFilter filter) =>
        "SELECT ts, row_id, level, service, host, message, trace_id, span_id, attributes AS attrs " +
        $"FROM {head.Name} WHERE tenant = {tenant} AND ts >= {from} AND ts < {to}" +
        (cursorTime is null ? "" : $" AND (ts < {cursorTime} OR (ts = {cursorTime} AND row_id < {cursorRow}))") +
        filter.HeadConditions;

    public string Segment(SegmentSelection selection, SearchPlanFilter filter)
    {
        var blocks = selection.Segment.Index.Blocks.Count == selection.BlocksRead
            ? ""
            : " AND (" + string.Join(" OR ", selection.Ranges.Select(r =>
                $"timestamp BETWEEN make_timestamp_ns({r.MinTimeNanos}) AND make_timestamp_ns({r.MaxTimeNanos})")) + ")";
        return "SELECT epoch_ns(timestamp) AS ts, row_id, level, service, host, message, trace_id, span_id, " +
               "CAST(to_json(attributes) AS VARCHAR) AS attrs " +
               $"FROM read_parquet({Segments.SegmentWriter.Literal(selection.Segment.Path)}) " +
               $"WHERE timestamp >= make_timestamp_ns({from}) AND timestamp < make_timestamp_ns({to}){blocks}" +
               (cursorTime is null ? "" : $" AND timestamp <= make_timestamp_ns({cursorTime}) AND (epoch_ns(timestamp) < {cursorTime} OR (epoch_ns(timestamp) = {cursorTime} AND row_id < {cursorRow}))") +
               filter.SegmentConditions;
    }

    public static string Page(IEnumerable<string> branches, int limit) =>
        $"SELECT * FROM ({string.Join(" UNION ALL ", branches)}) ORDER BY ts DESC, row_id DESC LIMIT {limit}";
}
