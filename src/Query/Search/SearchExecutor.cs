using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BuildingBlocks.DuckDb;
using Query.Storage;

namespace Query.Search;

/// <summary>
/// Runs a search newest first over the tenant's heads and segments. Segments whose indexes rule them out are never
/// opened; the rest are read in waves from the newest, and reading stops as soon as the page is full and no unread
/// segment can hold anything newer than its last result.
/// </summary>
public sealed class SearchExecutor(ReadModel readModel, QueryDatabase database)
{
    const string Projection = "ts, row_id, level, service, host, message, trace_id, span_id, attrs";
    const int FirstWave = 8;

    public SearchResponse Run(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var view = readModel.Acquire(request.Tenant);
        var parameters = new SqlParameters();
        var filter = new SearchPlanFilter(request.Filter, parameters);
        var sql = new SearchSql(request, parameters);
        var cursorTime = request.Cursor?.TimeNanos;

        var selections = view.Segments
            .Where(s => s.MaxTimeNanos >= request.FromNanos && s.MinTimeNanos < request.ToNanos && (cursorTime is not { } c || s.MinTimeNanos <= c))
            .Select(s => SegmentSelection.Of(s, filter, request.FromNanos, request.ToNanos, cursorTime))
            .ToList();
        var candidates = selections.Where(s => s.BlocksRead > 0).OrderByDescending(s => s.Segment.MaxTimeNanos).ToList();
        var stats = new SearchStats(0, view.Segments.Count - candidates.Count, 0, selections.Sum(s => s.BlocksSkipped), 0, view.Heads.Count);
        var results = new List<Row>();
        if (filter.Level == -1) return Respond(results, request, stats, started);

        using var lease = database.Rent();
        var branches = view.Heads.Select(h => sql.Head(h, filter)).ToList();
        var next = 0;
        for (var wave = FirstWave; ; wave *= 2)
        {
            var batch = candidates.Skip(next).Take(wave).ToList();
            next += batch.Count;
            branches.AddRange(batch.Select(s => sql.Segment(s, filter)));
            stats = stats with
            {
                SegmentsScanned = stats.SegmentsScanned + batch.Count,
                BlocksScanned = stats.BlocksScanned + batch.Sum(s => s.BlocksRead),
                BytesRead = stats.BytesRead + batch.Sum(s => s.EstimatedBytes),
            };
            if (branches.Count > 0) results = Merge(results, Read(lease.Connection, SearchSql.Page(branches, request.Limit), parameters), request.Limit);
            branches.Clear();
            var full = results.Count >= request.Limit;
            if (next >= candidates.Count || (full && results[^1].TimeNanos > candidates[next].Segment.MaxTimeNanos)) break;
        }
        return Respond(results, request, stats, started);
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

    static SearchResponse Respond(List<Row> rows, SearchRequest request, SearchStats stats, long started)
    {
        var results = rows.Select(r => r.ToResult()).ToList();
        var next = rows.Count >= request.Limit ? new SearchCursor(rows[^1].TimeNanos, rows[^1].RowId).Encode() : null;
        return new SearchResponse(results, results.Count, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), next, stats);
    }

    sealed record Row(long TimeNanos, long RowId, string Level, string? Service, string? Host, string Message, string? TraceId, string? SpanId, string? Attributes)
    {
        public SearchResult ToResult() => new(Rfc3339(TimeNanos), Level, Service, Host, Message, TraceId, SpanId,
            Attributes is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes)!);
    }

    /// <summary>RFC 3339 with all nine fractional digits, as Loki and OTLP carry nanoseconds.</summary>
    public static string Rfc3339(long nanos)
    {
        var seconds = Math.DivRem(nanos, 1_000_000_000, out var fraction);
        if (fraction < 0) (seconds, fraction) = (seconds - 1, fraction + 1_000_000_000);
        return DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) + "." + fraction.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }
}
