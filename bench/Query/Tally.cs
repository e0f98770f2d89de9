using Contracts.Logs;

namespace Query.Bench;

/// <summary>
/// What the generator knows about its own records, counted as it makes them: records per service, per level, and per
/// level in each hour (aligned to the Unix epoch, as the query language's histogram buckets are). The aggregations
/// are checked against it, so the answer to compare with never comes from the system under test.
/// </summary>
sealed class Tally
{
    public const long HourNanos = 3_600_000_000_000;

    public Dictionary<string, long> ByService { get; } = [];
    public long[] ByLevel { get; } = new long[(int)LogLevel.Fatal + 1];
    public Dictionary<(long HourNanos, LogLevel Level), long> ByHourAndLevel { get; } = [];

    public void Add(LogRecord record)
    {
        ByService[record.Service ?? ""] = ByService.GetValueOrDefault(record.Service ?? "") + 1;
        ByLevel[(int)record.Level]++;
        var hour = record.TimestampNanos - record.TimestampNanos % HourNanos;
        ByHourAndLevel[(hour, record.Level)] = ByHourAndLevel.GetValueOrDefault((hour, record.Level)) + 1;
    }

    /// <summary>Adds another thread's tally to this one; the caller holds the lock.</summary>
    public void Merge(Tally other)
    {
        foreach (var (service, count) in other.ByService) ByService[service] = ByService.GetValueOrDefault(service) + count;
        for (var level = 0; level < ByLevel.Length; level++) ByLevel[level] += other.ByLevel[level];
        foreach (var (key, count) in other.ByHourAndLevel) ByHourAndLevel[key] = ByHourAndLevel.GetValueOrDefault(key) + count;
    }

    /// <summary>The level as the Query service stores and returns it ("info", "warn", …).</summary>
    public static string Name(LogLevel level) => level.ToString().ToLowerInvariant();
}
