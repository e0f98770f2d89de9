namespace Query.Bench;

/// <summary>Small measurements read from the operating system and the file system.</summary>
static class Figures
{
    public static double Percentile(IEnumerable<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1))];
    }

    /// <summary>utime + stime of a process, in seconds (clock ticks of 1/100 s).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }

    /// <summary>Runs <paramref name="work"/> and reports the cores process <paramref name="pid"/> used meanwhile.</summary>
    public static async Task<T> WithCpu<T>(int pid, Func<Task<T>> work, Action<double> cores)
    {
        var before = CpuSeconds(pid);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await work();
        cores((CpuSeconds(pid) - before) / clock.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>Busy and total CPU ticks of the whole machine (/proc/stat), to tell how much else was running.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = fields[3] + fields[4]; // idle + iowait
        return (fields.Sum() - idle, fields.Sum());
    }

    public static double BusyShare((long Busy, long Total) before, (long Busy, long Total) after) =>
        (double)(after.Busy - before.Busy) / Math.Max(1, after.Total - before.Total);

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    /// <summary>A /proc/&lt;pid&gt;/status size such as VmHWM (peak resident set) or VmRSS, in bytes.</summary>
    public static long StatusBytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
    }

    public sealed record Storage(long TotalBytes, long ParquetBytes, long IndexBytes, int ParquetFiles, int IndexFiles, int OtherFiles);

    public static Storage StorageOf(string directory)
    {
        if (!Directory.Exists(directory)) return new Storage(0, 0, 0, 0, 0, 0);
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var parquet = files.Where(f => f.Extension == ".parquet").ToList();
        var index = files.Where(f => f.Extension == ".idx").ToList();
        return new Storage(files.Sum(f => f.Length), parquet.Sum(f => f.Length), index.Sum(f => f.Length),
            parquet.Count, index.Count, files.Count - parquet.Count - index.Count);
    }

    public static string Mib(double bytes) => $"{bytes / 1024 / 1024:N1} MiB";
}
