using Contracts.Logs;

namespace Query.Bench;

/// <summary>The real system log lines of ../shared/data/loghub (six systems, 2,000 lines each), one host per system.</summary>
sealed class Loghub
{
    public sealed record Line(string Service, string Host, string Message, LogLevel Level);

    static readonly Dictionary<string, string> Hosts = new()
    {
        ["apache"] = "web-01", ["hdfs"] = "datanode-07", ["hadoop"] = "mr-worker-03",
        ["linux"] = "combo", ["openssh"] = "labsz", ["spark"] = "spark-exec-12",
    };

    public required IReadOnlyList<Line> Lines { get; init; }

    /// <summary>A random line as a record of the tenant, observed up to 2 s after it happened.</summary>
    public LogRecord Record(string tenant, long timestamp, Random random)
    {
        var line = Lines[random.Next(Lines.Count)];
        return new LogRecord
        {
            Tenant = tenant,
            TimestampNanos = timestamp,
            ObservedNanos = timestamp + random.Next(1, 2_000) * 1_000_000L,
            Level = line.Level,
            Service = line.Service,
            Host = line.Host,
            Message = line.Message,
            Source = LogSource.Elasticsearch,
        };
    }

    public static Loghub Load(string directory)
    {
        var lines = Directory.GetFiles(directory, "*.log").OrderBy(f => f).SelectMany(file =>
        {
            var service = Path.GetFileName(file).Split('_')[0].ToLowerInvariant();
            var host = Hosts.GetValueOrDefault(service, service + "-01");
            return File.ReadLines(file).Where(l => l.Length > 0).Select(l => new Line(service, host, l.TrimEnd(), LevelOf(l)));
        }).ToList();
        if (lines.Count == 0) throw new InvalidOperationException($"no loghub samples in {directory}");
        return new Loghub { Lines = lines };
    }

    // The samples carry their severity in the text ("[error]", " WARN ", "ERROR"); an agent's parser would lift it out.
    static LogLevel LevelOf(string line) =>
        line.Contains("FATAL", StringComparison.Ordinal) ? LogLevel.Fatal
        : line.Contains("ERROR", StringComparison.Ordinal) || line.Contains("[error]", StringComparison.Ordinal) ? LogLevel.Error
        : line.Contains("WARN", StringComparison.Ordinal) || line.Contains("[warn]", StringComparison.Ordinal) ? LogLevel.Warn
        : line.Contains("DEBUG", StringComparison.Ordinal) ? LogLevel.Debug
        : LogLevel.Info;
}
