using System.Collections.Concurrent;
using System.Diagnostics;

namespace BuildingBlocks.DevHosting.Processes;

/// <summary>
/// Starts every child process from one long-lived thread. Children ask the kernel for SIGKILL when their parent
/// dies (PR_SET_PDEATHSIG through setpriv), and "parent" there means the thread that forked them: a thread-pool
/// thread retiring would kill them, this thread never does while the process lives.
/// </summary>
static class ProcessLauncher
{
    static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = new();

    static ProcessLauncher()
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "child-process-launcher" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, started));
        return started.Task;
    }

    static void Serve()
    {
        foreach (var (info, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                var process = new Process { StartInfo = info, EnableRaisingEvents = true };
                process.Start();
                started.SetResult(process);
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
