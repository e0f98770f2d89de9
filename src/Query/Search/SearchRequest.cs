namespace Query.Search;

/// <summary>A validated search: the tenant comes from the caller's key, never from the request.</summary>
public sealed record SearchRequest(string Tenant, SearchFilter Filter, long FromNanos, long ToNanos, int Limit, SearchCursor? Cursor);

public sealed record SearchResult(
    string Timestamp, string Level, string? Service, string? Host, string Message, string? TraceId, string? SpanId,
    IReadOnlyDictionary<string, string> Attributes);

public sealed record SearchStats(int SegmentsScanned, int SegmentsSkipped, int BlocksScanned, int BlocksSkipped, long BytesRead, int HeadsScanned);

public sealed record SearchResponse(IReadOnlyList<SearchResult> Results, int Count, double DurationMs, string? NextCursor, SearchStats Stats);
