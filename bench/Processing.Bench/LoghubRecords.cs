using Contracts.Logs;

namespace Processing.Bench;

/// <summary>
/// Records as logs.raw would deliver them for real lines of a Loghub sample (read in place from ../shared/data/loghub,
/// never copied into the repository): the raw line as the message, a service and a host, no attributes yet.
/// </summary>
static class LoghubRecords
{
    public static LogRecord[] Load(string directory, string file, string tenant)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        var service = file.Split('_')[0].ToLowerInvariant();
        return [.. File.ReadLines(Path.Combine(directory, file)).Where(line => line.Length > 0).Select((line, i) => new LogRecord
        {
            Tenant = tenant, TimestampNanos = now - 60_000_000_000L + i * 29_000_000L, ObservedNanos = now, Source = LogSource.Native,
            Service = service, Host = $"{service}-node-{i % 8}", Message = line,
        })];
    }

    /// <summary>The loghub folder next to the repository: walks up from the executable to the folder holding Platform.sln.</summary>
    public static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "loghub"));
        throw new DirectoryNotFoundException("Platform.sln not found above " + AppContext.BaseDirectory + "; pass the loghub folder as the first argument");
    }
}
