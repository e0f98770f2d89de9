using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>
/// PostgreSQL must own its data directory and be able to reach it. When the host runs as root the server runs as the
/// postgres user, which cannot enter a private folder such as /root or a mktemp directory; the data then lives in a
/// folder of its own under /var/tmp, named after the preferred path so restarts find it again.
/// </summary>
static class PostgresDataDirectory
{
    public static string Prepare(string preferred, string? owner)
    {
        var directory = owner is null || Reachable(preferred) ? preferred : Fallback(preferred);
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (owner is not null) Run("chown", "-R", $"{owner}:{owner}", directory);
        return directory;
    }

    static bool Reachable(string path)
    {
        for (var dir = Directory.GetParent(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            if (!dir.Exists) continue;
            if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute)) return false;
        }
        return true;
    }

    static string Fallback(string preferred)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(preferred))))[..12];
        var parent = $"/var/tmp/platform-postgres-{hash}";
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, "data");
    }

    static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
    }
}
