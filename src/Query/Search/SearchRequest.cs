using Query.Language;

namespace Query.Search;

/// <summary>A validated query: the tenant comes from the caller's key, never from the request.</summary>
public sealed record SearchRequest(string Tenant, QueryPlan Plan, long FromNanos, long ToNanos, int Limit, SearchCursor? Cursor);

public sealed record SearchResult(
    string Timestamp, string Level, string? Service, string? Host, string Message, string? TraceId, string? SpanId,
    IReadOnlyDictionary<string, string> Attributes);

/// <param name="SegmentsScanned">Hot segments and archive objects read.</param>
/// <param name="ArchiveObjectsScanned">Of those, archive objects (fetched from blob storage unless a copy was cached).</param>
/// <param name="Tiers">The tiers the answer came from: "head" (in memory), "hot" (local segments), "archive".</param>
/// <param name="SegmentsFromIndex">Segments a count or histogram took from their block index without reading them.</param>
public sealed record SearchStats(int SegmentsScanned, int SegmentsSkipped, int BlocksScanned, int BlocksSkipped, long BytesRead, int HeadsScanned,
    int ArchiveObjectsScanned = 0, IReadOnlyList<string>? Tiers = null, int SegmentsFromIndex = 0);

public sealed record ResultColumn(string Name, string Type);

/// <summary>
/// Lines (<see cref="Results"/>, newest first, with <see cref="NextCursor"/> when there may be more) or a table
/// (<see cref="Columns"/> and <see cref="Rows"/>) for an aggregation.
/// </summary>
public sealed record SearchResponse(
    IReadOnlyList<object>? Results, IReadOnlyList<ResultColumn>? Columns, IReadOnlyList<object?[]>? Rows,
    int Count, double DurationMs, string? NextCursor, SearchStats Stats)
{
    public bool Cached { get; init; }
}
