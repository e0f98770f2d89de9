using System.Globalization;
using System.Text.Json;
using BuildingBlocks.DuckDb;
using Query.Language;

namespace Query.Search;

/// <summary>
/// Lines of a query. Newest first, segments are read in waves from the newest (8, then 16, 32, …) and reading stops
/// once the page is full and no unread segment can hold a newer line; pages continue with a cursor.
/// </summary>
public static class LineSearch
{
    const int FirstWave = 8;

    public static SearchResponse Run(DuckConnection connection, QueryContext query)
    {
        var request = query.Request;
        var limit = Limit(request);
        var columns = SourceSql.LineColumns;
        var stats = query.Stats;
        var results = new List<Row>();
        var branches = query.View.Heads.Select(h => query.Sources.Head(h, columns)).ToList();
        var candidates = query.Candidates;
        var next = 0;
        for (var wave = FirstWave; ; wave *= 2)
        {
            var batch = candidates.Skip(next).Take(wave).ToList();
            next += batch.Count;
            branches.AddRange(batch.Select(s => query.Source(s, columns)));
            stats = stats with
            {
                SegmentsScanned = stats.SegmentsScanned + batch.Count,
                BlocksScanned = stats.BlocksScanned + batch.Sum(s => s.BlocksRead),
                BytesRead = stats.BytesRead + batch.Sum(s => s.EstimatedBytes),
            };
            if (branches.Count > 0)
                results = Merge(results, Read(connection, $"SELECT * FROM ({string.Join(" UNION ALL ", branches)}) ORDER BY ts DESC, row_id DESC LIMIT {limit}", query.Parameters), limit);
            branches.Clear();
            if (next >= candidates.Count || (results.Count >= limit && results[^1].TimeNanos > candidates[next].Segment.MaxTimeNanos)) break;
        }
        var cursor = results.Count >= limit ? new SearchCursor(results[^1].TimeNanos, results[^1].RowId).Encode() : null;
        return Respond(results, request.Plan, cursor, stats);
    }

    /// <summary>Lines in another order (<c>| sort f</c>): every remaining source is read; no cursor.</summary>
    public static SearchResponse RunSorted(DuckConnection connection, QueryContext query)
    {
        var sort = query.Request.Plan.Sort!;
        var key = FieldAccess.Of(sort.Field, query.Parameters);
        var columns = SourceSql.LineColumns.Concat(SourceSql.Fields([key])).ToList();
        var direction = sort.Descending ? "DESC" : "ASC";
        var numeric = $"TRY_CAST(f0 AS DOUBLE) {direction} NULLS LAST, CAST(f0 AS VARCHAR) {direction} NULLS LAST";
        var sql = $"SELECT * EXCLUDE (f0) FROM ({query.AllSources(columns)}) ORDER BY {numeric}, ts DESC, row_id DESC LIMIT {Limit(query.Request)}";
        return Respond(Read(connection, sql, query.Parameters), query.Request.Plan, null, query.ScannedAll());
    }

    static int Limit(SearchRequest request) => Math.Min(request.Limit, request.Plan.Limit ?? int.MaxValue);

    static SearchResponse Respond(List<Row> rows, QueryPlan plan, string? cursor, SearchStats stats)
    {
        var results = rows.Select(r => plan.Fields is { } fields ? (object)r.Pick(fields) : r.ToResult()).ToList();
        return new SearchResponse(results, null, null, results.Count, 0, cursor, stats);
    }

    static List<Row> Read(DuckConnection connection, string sql, SqlParameters parameters)
    {
        using var statement = parameters.Prepare(connection, sql);
        using var reader = statement.ExecuteReader();
        var rows = new List<Row>();
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
                rows.Add(new Row(reader.GetInt64(0, row), reader.GetInt64(1, row), reader.GetString(2, row), Text(reader, 3, row),
                    Text(reader, 4, row), Text(reader, 5, row) ?? "", Text(reader, 6, row), Text(reader, 7, row), Text(reader, 8, row)));
        return rows;
    }

    static List<Row> Merge(List<Row> a, List<Row> b, int limit) =>
        a.Count == 0 ? b : [.. a.Concat(b).OrderByDescending(r => r.TimeNanos).ThenByDescending(r => r.RowId).Take(limit)];

    static string? Text(DuckReader reader, int column, int row) => reader.IsNull(column, row) ? null : reader.GetString(column, row);

    sealed record Row(long TimeNanos, long RowId, string Level, string? Service, string? Host, string Message, string? TraceId, string? SpanId, string? Attributes)
    {
        IReadOnlyDictionary<string, string> AttributeMap() =>
            Attributes is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes)!;

        public SearchResult ToResult() => new(Rfc3339(TimeNanos), Level, Service, Host, Message, TraceId, SpanId, AttributeMap());

        /// <summary>The line with only the fields a <c>| fields</c> stage names (and its time).</summary>
        public Dictionary<string, string?> Pick(IReadOnlyList<FieldRef> fields)
        {
            var attributes = AttributeMap();
            var picked = new Dictionary<string, string?> { ["timestamp"] = Rfc3339(TimeNanos) };
            foreach (var field in fields)
                picked[field.Name] = field.Name.ToLowerInvariant() switch
                {
                    "timestamp" => Rfc3339(TimeNanos), "level" => Level, "service" => Service, "host" => Host, "message" => Message,
                    "trace_id" or "traceid" => TraceId, "span_id" or "spanid" => SpanId,
                    _ => attributes.GetValueOrDefault(field.Name),
                };
            return picked;
        }
    }

    /// <summary>RFC 3339 with all nine fractional digits, as Loki and OTLP carry nanoseconds.</summary>
    public static string Rfc3339(long nanos)
    {
        var seconds = Math.DivRem(nanos, 1_000_000_000, out var fraction);
        if (fraction < 0) (seconds, fraction) = (seconds - 1, fraction + 1_000_000_000);
        return DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }
}
