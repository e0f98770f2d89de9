using System.Text;
using BuildingBlocks.DevHosting.Processes;

namespace Ingestion.IntegrationTests;

/// <summary>
/// rsyslogd in the foreground as a child of the test host, on a configuration and work directory of its own in a
/// temporary folder: not the system service, nothing under /etc or /var/spool, and killed by the kernel if the test
/// host dies. Its own messages (the default ruleset) go to a file of the folder, so rules under test should bind their
/// inputs to a ruleset of their own.
/// </summary>
sealed class Rsyslog : IAsyncDisposable
{
    const string Binary = "/usr/sbin/rsyslogd";
    static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    readonly ChildProcess process;
    readonly ResourceLog output;

    Rsyslog(string folder, ChildProcess process, ResourceLog output)
    {
        Folder = folder;
        this.process = process;
        this.output = output;
    }

    public string Folder { get; }
    public string PathOf(string name) => Path.Combine(Folder, name);

    const string ConfigName = "rsyslog.conf";
    const string OwnLogName = "rsyslogd.log";

    /// <param name="rules">The configuration under test, given the folder to keep its files in.</param>
    public static async Task<Rsyslog> StartAsync(Func<string, string> rules)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} was not found. Run `./platform.sh setup`, which installs rsyslog and rsyslog-elasticsearch.");
        var folder = Directory.CreateTempSubdirectory("rsyslog-").FullName;
        var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;
        var config = Path.Combine(folder, ConfigName);
        await File.WriteAllTextAsync(config, $"""
            global(workDirectory="{work}")
            *.* action(type="omfile" file="{Path.Combine(folder, OwnLogName)}")
            {rules(folder)}
            """);

        var output = new ResourceLog("rsyslogd", Path.Combine(folder, "rsyslogd.out"), echo: false);
        try
        {
            await ValidateAsync(config, output);
            var process = await ChildProcess.StartAsync(
                new ChildProcessSpec("rsyslogd", Binary, ["-n", "-f", config, "-i", Path.Combine(folder, "rsyslogd.pid")]), output);
            return new Rsyslog(folder, process, output);
        }
        catch
        {
            output.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>rsyslogd starts even with errors in its configuration (dropping what it did not understand), so it is
    /// checked first: a typo or a missing module fails here with rsyslogd's own words instead of as missing lines.</summary>
    static async Task ValidateAsync(string config, ResourceLog output)
    {
        await using var check = await ChildProcess.StartAsync(new ChildProcessSpec("rsyslogd -N1", Binary, ["-N1", "-f", config]), output);
        await check.Exited;
        if (check.ExitCode != 0)
            throw new InvalidOperationException(
                $"rsyslogd rejected its configuration (exit code {check.ExitCode}). If a module could not be loaded, run " +
                $"`./platform.sh setup`, which installs rsyslog and rsyslog-elasticsearch.\n{string.Join('\n', output.Recent(50))}\n" +
                $"--- {config} ---\n{File.ReadAllText(config)}");
    }

    /// <summary>What to read when lines did not arrive: the process state, its output, the configuration, its own log
    /// and any <c>*.json</c> file of the folder (where omelasticsearch's errorFile is meant to go).</summary>
    public string Diagnostics()
    {
        var report = new StringBuilder();
        report.AppendLine(process.HasExited ? $"rsyslogd exited with code {process.ExitCode}" : $"rsyslogd is running (pid {process.Pid})");
        report.AppendLine("--- output ---").AppendLine(string.Join('\n', output.Recent(50)));
        foreach (var file in new[] { PathOf(ConfigName), PathOf(OwnLogName) }.Concat(Directory.EnumerateFiles(Folder, "*.json").Order()).Where(File.Exists))
            report.AppendLine($"--- {file} ---").AppendLine(ReadShared(file));
        return report.ToString();
    }

    /// <summary>The end of a file rsyslogd may still be writing (an error file holds whole requests, so it can be long).</summary>
    static string ReadShared(string file, int lastChars = 8_000)
    {
        using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var text = reader.ReadToEnd();
        return text.Length <= lastChars ? text : $"[… {text.Length - lastChars} characters before]\n{text[^lastChars..]}";
    }

    public async ValueTask DisposeAsync()
    {
        await process.StopAsync(Signals.Term, StopGrace);
        await process.DisposeAsync();
        output.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
