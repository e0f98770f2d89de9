using System.Diagnostics;
using BuildingBlocks.DuckDb;
using Query.Archive;
using Query.Language;
using Query.Storage;

namespace Query.Search;

/// <summary>
/// Runs a query over the tenant's heads and segments as of one instant. Segments and blocks that the indexes rule
/// out are never read. Lines newest first go through <see cref="LineSearch"/>, which stops reading early; anything
/// else (another sort order, an aggregation) reads every remaining source in one statement. Archive objects are
/// fetched into the local cache when a query first needs them and stay pinned there until it ends.
/// </summary>
public sealed class SearchExecutor(ReadModel readModel, QueryDatabase database, QueryBudget budget, ArchiveCache? archive = null)
{
    public SearchResponse Run(SearchRequest request, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var view = readModel.Acquire(request.Tenant);
        var parameters = new SqlParameters();
        var filter = FilterCompiler.Compile(request.Plan.Filter, parameters);
        var sources = new SourceSql(request, parameters, filter);
        var cursorTime = request.Cursor?.TimeNanos;

        var selections = view.Segments
            .Where(s => s.MaxTimeNanos >= request.FromNanos && s.MinTimeNanos < request.ToNanos && (cursorTime is not { } c || s.MinTimeNanos <= c))
            .Select(s => SegmentSelection.Of(s, filter.BlockMayMatch, request.FromNanos, request.ToNanos, cursorTime))
            .ToList();
        var fromIndex = IndexAnswers.Apply(request.Plan) ? selections.Select(s => s.Segment).Where(s => IndexAnswers.Covers(s, request)).ToHashSet() : [];
        var candidates = selections.Where(s => s.BlocksRead > 0 && !fromIndex.Contains(s.Segment)).OrderByDescending(s => s.Segment.MaxTimeNanos).ToList();
        using var query = new QueryContext(request, view, candidates, sources, parameters,
            new SearchStats(0, view.Segments.Count - candidates.Count - fromIndex.Count, 0, selections.Sum(s => s.BlocksSkipped), 0, view.Heads.Count,
                SegmentsFromIndex: fromIndex.Count))
        {
            Archive = archive,
            Cancellation = ct,
            AnsweredByIndex = [.. fromIndex],
        };

        using var lease = database.Rent();
        using var watchdog = new QueryWatchdog(lease.Connection, budget.Time, ct);
        try
        {
            var response = request.Plan switch
            {
                { NewestFirst: true } => LineSearch.Run(lease.Connection, query),
                { Aggregation: null } => LineSearch.RunSorted(lease.Connection, query),
                _ => Aggregation.Run(lease.Connection, query),
            };
            var archived = query.ArchiveObjectsRead;
            string[] tiers = [.. view.Heads.Count > 0 ? ["head"] : Array.Empty<string>(),
                .. response.Stats.SegmentsScanned > archived || query.AnsweredByIndex.Any(s => s.IsHot) ? ["hot"] : Array.Empty<string>(),
                .. archived > 0 || query.AnsweredByIndex.Any(s => !s.IsHot) ? ["archive"] : Array.Empty<string>()];
            return response with
            {
                DurationMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2),
                Stats = response.Stats with { ArchiveObjectsScanned = archived, Tiers = tiers },
            };
        }
        catch (DuckDbException e) when (watchdog.Expired && !ct.IsCancellationRequested)
        {
            throw new QueryBudgetException(408, $"The query ran longer than its budget of {budget.Time.TotalSeconds:0.###} s; narrow the time range or the filter.", e);
        }
        catch (DuckDbException e) when (e.Message.Contains("Out of Memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryBudgetException(422, "The query needs more memory than its budget; narrow the range, or group by fewer distinct values.", e);
        }
        catch (DuckDbException e) when (e.Message.Contains("regular expression", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("regex", StringComparison.OrdinalIgnoreCase))
        {
            throw new QueryBudgetException(400, "A regular expression in the query is not valid RE2 syntax: " + e.Message, e);
        }
    }
}

/// <summary>Everything a query's execution needs, prepared once; disposing it unpins the archive objects it read.</summary>
public sealed record QueryContext(SearchRequest Request, ReadView View, IReadOnlyList<SegmentSelection> Candidates, SourceSql Sources,
    SqlParameters Parameters, SearchStats Stats) : IDisposable
{
    readonly List<IDisposable> pins = [];

    public ArchiveCache? Archive { get; init; }

    /// <summary>Segments whose counts come from their block index (<see cref="IndexAnswers"/>): not read.</summary>
    public IReadOnlyList<Segments.Segment> AnsweredByIndex { get; init; } = [];
    public CancellationToken Cancellation { get; init; }
    public int ArchiveObjectsRead => pins.Count;

    /// <summary>The SQL reading one selected segment; an archive object is made local first.</summary>
    public string Source(SegmentSelection selection, IEnumerable<(string Head, string Segment)> columns)
    {
        if (!selection.Segment.IsHot)
            pins.Add((Archive ?? throw new InvalidOperationException("This read model has archive objects but no archive cache"))
                .Pin(selection.Segment, Cancellation));
        return Sources.Segment(selection, columns);
    }

    public void Dispose()
    {
        foreach (var pin in pins) pin.Dispose();
    }

    public SearchStats ScannedAll() => Stats with
    {
        SegmentsScanned = Candidates.Count,
        BlocksScanned = Candidates.Sum(s => s.BlocksRead),
        BytesRead = Candidates.Sum(s => s.EstimatedBytes),
    };

    /// <summary>Every head and remaining segment, each projecting <paramref name="columns"/>.</summary>
    public string AllSources(IReadOnlyList<(string Head, string Segment)> columns)
    {
        var sources = View.Heads.Select(h => Sources.Head(h, columns)).Concat(Candidates.Select(s => Source(s, columns))).ToList();
        // Nothing left to read (every segment answered by its index, no head): an empty relation of the segment schema.
        return sources.Count > 0
            ? string.Join(" UNION ALL ", sources)
            : $"SELECT {string.Join(", ", columns.Select(c => c.Segment))} FROM {SourceSql.NoRows}";
    }
}

/// <summary>How long one query may run (memory is bounded by DuckDB's memory_limit for the whole service).</summary>
public sealed record QueryBudget(TimeSpan Time);

/// <summary>A query stopped by a budget or refused for its shape; <see cref="Status"/> is the HTTP status to answer.</summary>
public sealed class QueryBudgetException(int status, string message, Exception? inner = null) : Exception(message, inner)
{
    public int Status { get; } = status;
}
