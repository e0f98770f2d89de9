using System.Globalization;
using Contracts.Logs;

namespace Query.Bench;

/// <summary>
/// A dashboard's aggregations over the data set's 24 h, a level histogram per hour and a count by service, checked
/// against the generator's <see cref="Tally"/>. First uncached, several rounds: the range ends now, and a range that
/// ends less than 30 s ago is not finished and never cached (Query's QueryCache.IsFinished). Then each aggregation
/// over a finished range (ending just after the last record), repeated: every answer after the first must come from
/// the cache and equal the first.
/// </summary>
static class AggregationProbe
{
    public const string LevelHistogram = "| histogram 1h by level";
    public const string CountByService = "| count by service";
    public static readonly string[] Queries = [LevelHistogram, CountByService];
    static readonly TimeSpan FinishedAfter = TimeSpan.FromSeconds(30); // QueryCache.FinishedAfter

    /// <summary>One answer; <see cref="Repeat"/> is 0 for the uncached rounds, 1… over the finished range.</summary>
    public sealed record Run(string Query, int Round, int Repeat, bool Cached, double ClientMs, double ServerMs, SearchClient.Stats Stats);

    /// <summary>What the Query service and the whole machine spent during a phase (the machine is shared).</summary>
    public sealed record Load(double QueryCores, double MachineBusy);

    public sealed record Result(List<Run> Runs, List<string> Mismatches, Load Uncached, Load Repeated)
    {
        public List<Run> UncachedRuns(string query) => [.. Runs.Where(r => r.Query == query && r.Repeat == 0)];
        public List<Run> RepeatedRuns(string query) => [.. Runs.Where(r => r.Query == query && r.Repeat > 0)];
    }

    public static async Task<Result> RunAsync(SearchClient search, Tally tally, DateTimeOffset since, DateTimeOffset lastRecord, int queryPid,
        int rounds = 5, int repeats = 50)
    {
        var result = new Result([], [], new Load(0, 0), new Load(0, 0));
        var phase = Phase.Start(queryPid);
        for (var round = 1; round <= rounds; round++)
            foreach (var query in Queries)
            {
                if (await AskAsync(search, query, since, DateTimeOffset.UtcNow, $"round {round}", result) is not { } table) continue;
                result.Runs.Add(new Run(query, round, 0, table.Cached, table.ClientMs, table.ServerMs, table.Stats));
                if (table.Cached) result.Mismatches.Add($"round {round}: '{query}' up to now came from the cache");
                result.Mismatches.AddRange(Check(query, table, tally).Select(m => $"round {round}: '{query}' {m}"));
            }
        result = result with { Uncached = phase.End() };

        var finished = lastRecord + TimeSpan.FromSeconds(1);
        var wait = finished + FinishedAfter + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        phase = Phase.Start(queryPid);
        foreach (var query in Queries)
        {
            SearchClient.Table? first = null;
            for (var repeat = 1; repeat <= repeats; repeat++)
            {
                var label = $"finished range, repeat {repeat}";
                if (await AskAsync(search, query, since, finished, label, result) is not { } table) continue;
                result.Runs.Add(new Run(query, 0, repeat, table.Cached, table.ClientMs, table.ServerMs, table.Stats));
                if (first is null)
                {
                    first = table;
                    if (table.Cached) result.Mismatches.Add($"{label}: '{query}' came from the cache before it was asked");
                    result.Mismatches.AddRange(Check(query, table, tally).Select(m => $"{label}: '{query}' {m}"));
                }
                else if (!table.Cached) result.Mismatches.Add($"{label}: '{query}' was not answered from the cache");
                else if (table.RowsJson != first.RowsJson) result.Mismatches.Add($"{label}: '{query}' cached rows differ from the first answer");
            }
        }
        return result with { Repeated = phase.End() };
    }

    sealed record Phase(int Pid, double CpuBefore, (long Busy, long Total) MachineBefore, System.Diagnostics.Stopwatch Clock)
    {
        public static Phase Start(int pid) => new(pid, Figures.CpuSeconds(pid), Figures.MachineTicks(), System.Diagnostics.Stopwatch.StartNew());

        public Load End() => new((Figures.CpuSeconds(Pid) - CpuBefore) / Clock.Elapsed.TotalSeconds, Figures.BusyShare(MachineBefore, Figures.MachineTicks()));
    }

    static async Task<SearchClient.Table?> AskAsync(SearchClient search, string query, DateTimeOffset since, DateTimeOffset until, string label, Result result)
    {
        try
        {
            return await search.AggregateAsync(query, since, until);
        }
        catch (HttpRequestException e)
        {
            result.Mismatches.Add($"{label}: {e.Message}");
            return null;
        }
    }

    /// <summary>What is wrong with an answer (at most five things, then how many more).</summary>
    static IEnumerable<string> Check(string query, SearchClient.Table table, Tally tally)
    {
        var problems = query == LevelHistogram ? CheckHistogram(table, tally) : CheckCountByService(table, tally);
        return problems.Count <= 5 ? problems : [.. problems.Take(5), $"… and {problems.Count - 5} more differences"];
    }

    static List<string> CheckHistogram(SearchClient.Table table, Tally tally)
    {
        if (Shape(table) is not "time:timestamp level:string count:long" and var shape) return [$"answered columns {shape}"];
        var problems = new List<string>();
        var totals = new Dictionary<string, long>();
        var seen = new HashSet<(long, string)>();
        foreach (var row in table.Rows)
        {
            var hour = Nanos(row[0].GetString()!);
            var level = row[1].GetString() ?? "(null)";
            var count = row[2].GetInt64();
            totals[level] = totals.GetValueOrDefault(level) + count;
            if (!seen.Add((hour, level))) problems.Add($"bucket {row[0]} {level} appears twice");
            var expected = Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed) ? tally.ByHourAndLevel.GetValueOrDefault((hour, parsed)) : 0;
            if (count != expected) problems.Add($"bucket {row[0]} {level}: {count:N0}, generated {expected:N0}");
        }
        foreach (var ((hour, level), count) in tally.ByHourAndLevel)
            if (!seen.Contains((hour, Tally.Name(level))))
                problems.Add($"bucket {Rfc3339(hour)} {Tally.Name(level)} missing, generated {count:N0}");
        for (var level = LogLevel.Trace; level <= LogLevel.Fatal; level++)
            if (totals.GetValueOrDefault(Tally.Name(level)) != tally.ByLevel[(int)level])
                problems.Insert(0, $"{Tally.Name(level)} total {totals.GetValueOrDefault(Tally.Name(level)):N0}, generated {tally.ByLevel[(int)level]:N0}");
        return problems;
    }

    static List<string> CheckCountByService(SearchClient.Table table, Tally tally)
    {
        if (Shape(table) is not "service:string count:long" and var shape) return [$"answered columns {shape}"];
        var problems = new List<string>();
        var answered = new Dictionary<string, long>();
        long previous = long.MaxValue;
        foreach (var row in table.Rows)
        {
            var service = row[0].GetString() ?? "(null)";
            var count = row[1].GetInt64();
            if (!answered.TryAdd(service, count)) problems.Add($"{service} appears twice");
            if (count > previous) problems.Add($"{service} ({count:N0}) comes after a smaller count ({previous:N0})");
            previous = count;
        }
        foreach (var (service, count) in answered)
            if (count != tally.ByService.GetValueOrDefault(service)) problems.Add($"{service}: {count:N0}, generated {tally.ByService.GetValueOrDefault(service):N0}");
        foreach (var (service, count) in tally.ByService)
            if (!answered.ContainsKey(service)) problems.Add($"{service} missing, generated {count:N0}");
        return problems;
    }

    static string Shape(SearchClient.Table table) => string.Join(" ", table.Columns.Select(c => $"{c.Name}:{c.Type}"));

    static long Nanos(string time) =>
        (DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    static string Rfc3339(long nanos) => DateTime.UnixEpoch.AddTicks(nanos / 100).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
