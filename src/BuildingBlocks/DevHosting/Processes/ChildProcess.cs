using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BuildingBlocks.DevHosting.Processes;

/// <summary>
/// A supervised child: its own session (so a terminal's Ctrl+C reaches only the host, which stops children in
/// order), killed by the kernel if the host dies, output captured line by line.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    readonly Process process;
    readonly string name;

    ChildProcess(Process process, string name, ResourceLog log)
    {
        this.process = process;
        this.name = name;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Write(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => process.Id;
    public bool HasExited => process.HasExited;
    public int? ExitCode => process.HasExited ? process.ExitCode : null;
    public Task Exited => process.WaitForExitAsync();

    public static async Task<ChildProcess> StartAsync(ChildProcessSpec spec, ResourceLog log)
    {
        if (!File.Exists(spec.FileName))
            throw new MissingBinaryException(spec.Name, spec.FileName);

        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in Wrap(spec)) info.ArgumentList.Add(arg);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;

        var process = await ProcessLauncher.StartAsync(info);
        return new ChildProcess(process, spec.Name, log);
    }

    /// <summary>setsid → [setpriv as another user →] setpriv --pdeathsig KILL → the program.</summary>
    static IEnumerable<string> Wrap(ChildProcessSpec spec)
    {
        if (spec.RunAsUser is { } user)
        {
            // The kernel clears the death signal when the uid changes, so it is set again after the switch.
            yield return "setpriv";
            yield return $"--reuid={user}";
            yield return $"--regid={user}";
            yield return "--init-groups";
            yield return "--";
        }
        yield return "setpriv";
        yield return "--pdeathsig";
        yield return "KILL";
        yield return "--";
        yield return spec.FileName;
        foreach (var arg in spec.Arguments) yield return arg;
    }

    /// <summary>Sends the stop signal, waits up to <paramref name="grace"/>, then kills.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (process.HasExited) return;
        _ = kill(process.Id, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Signals.Term, TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    public override string ToString() => $"{name} (pid {Pid})";

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int sig);
}
