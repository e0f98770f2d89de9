using BuildingBlocks.DevHosting.Processes;

namespace BuildingBlocks.DevHosting.Resources;

public enum ResourceState { Pending, Starting, Running, External, Failed, Exited, Stopping, Stopped }

/// <summary>
/// A piece of the local stack: infrastructure or a service. Started after the resources it waits for are ready;
/// replaced by an external instance when its connection string is already configured.
/// </summary>
public abstract class Resource(string name, int port)
{
    readonly List<Resource> waitsFor = [];
    readonly List<Resource> references = [];
    string? externalConnectionString;

    public string Name { get; } = name;
    public int Port { get; protected set; } = port;
    public ResourceState State { get; protected set; } = ResourceState.Pending;
    public string? Error { get; protected set; }
    public ChildProcess? Process { get; protected set; }
    public ResourceLog? Log { get; private set; }
    public IReadOnlyList<Resource> WaitsFor => waitsFor;
    public IReadOnlyList<Resource> References => references;
    public bool IsExternal => externalConnectionString is not null;

    /// <summary>What clients put in <c>ConnectionStrings__{Name}</c>.</summary>
    public string ConnectionString => externalConnectionString ?? LocalConnectionString;
    protected abstract string LocalConnectionString { get; }

    /// <summary>Address a person would open, when the resource has one.</summary>
    public virtual string? Url => null;

    public void AddWaitFor(Resource other) { if (!waitsFor.Contains(other)) waitsFor.Add(other); }
    public void AddReference(Resource other) { if (!references.Contains(other)) references.Add(other); }
    public void UseExternal(string connectionString) => externalConnectionString = connectionString;

    public async Task StartAsync(ResourceContext context, CancellationToken ct)
    {
        if (IsExternal)
        {
            State = ResourceState.External;
            return;
        }
        Log = context.CreateLog(Name);
        State = ResourceState.Starting;
        try
        {
            await LaunchAsync(context, ct);
            await WaitUntilReadyAsync(ct);
            State = ResourceState.Running;
            if (Process is { } process) _ = WatchForExit(process);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            State = ResourceState.Failed;
            Error = e.Message;
            throw new ResourceFailedException(this, e);
        }
    }

    protected abstract Task LaunchAsync(ResourceContext context, CancellationToken ct);
    protected abstract Task WaitUntilReadyAsync(CancellationToken ct);

    /// <summary>The signal this program treats as "shut down promptly and cleanly".</summary>
    protected virtual int StopSignal => Signals.Term;

    public async Task StopAsync(TimeSpan grace)
    {
        if (Process is { } process)
        {
            State = ResourceState.Stopping;
            await process.StopAsync(StopSignal, grace);
            State = ResourceState.Stopped;
        }
        await OnStoppedAsync();
        Log?.Dispose();
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash would; <see cref="StartAsync"/> brings it back.</summary>
    public async Task KillAsync()
    {
        if (Process is not { } process) return;
        State = ResourceState.Stopping;
        await process.StopAsync(Signals.Kill, TimeSpan.FromSeconds(5));
        State = ResourceState.Stopped;
        Log?.Dispose();
    }

    protected virtual Task OnStoppedAsync() => Task.CompletedTask;

    /// <summary>Polls <paramref name="probe"/> until it answers true, failing early if the process died.</summary>
    protected async Task PollUntilAsync(Func<CancellationToken, Task<bool>> probe, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            if (Process is { HasExited: true } process)
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready; see its log.");
            try
            {
                if (await probe(deadline.Token)) return;
            }
            catch (Exception) when (!deadline.IsCancellationRequested)
            {
                // Not accepting connections yet: keep polling until the deadline.
            }
            try
            {
                await Task.Delay(100, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s; see its log.");
            }
        }
    }

    async Task WatchForExit(ChildProcess process)
    {
        await process.Exited;
        if (State == ResourceState.Running)
        {
            State = ResourceState.Exited;
            Error = $"exited unexpectedly with code {process.ExitCode}";
            Log?.Write($"*** {Name} {Error}");
        }
    }
}

public sealed class ResourceFailedException(Resource resource, Exception inner)
    : Exception($"{resource.Name} failed to start: {inner.Message}", inner)
{
    public Resource Resource { get; } = resource;
}
