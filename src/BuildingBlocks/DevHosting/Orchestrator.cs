using BuildingBlocks.DevHosting.Resources;

namespace BuildingBlocks.DevHosting;

/// <summary>
/// Starts resources as soon as everything they wait for is ready, in parallel otherwise; stops them in reverse:
/// a resource stops only after everything that waits for it has stopped.
/// </summary>
public sealed class Orchestrator(ResourceContext context, IReadOnlyList<Resource> resources)
{
    static readonly TimeSpan ServiceGrace = TimeSpan.FromSeconds(5);
    static readonly TimeSpan InfrastructureGrace = TimeSpan.FromSeconds(8);

    public IReadOnlyList<Resource> Resources => resources;
    public ResourceContext Context => context;

    public Task StartAsync(CancellationToken ct)
    {
        var started = new Dictionary<Resource, Task>();
        return Task.WhenAll(resources.Select(Start));

        Task Start(Resource resource)
        {
            if (!started.TryGetValue(resource, out var task))
                started[resource] = task = StartAfterDependencies(resource);
            return task;
        }

        async Task StartAfterDependencies(Resource resource)
        {
            await Task.WhenAll(resource.WaitsFor.Select(Start));
            await resource.StartAsync(context, ct);
        }
    }

    public Task StopAsync()
    {
        var stopped = new Dictionary<Resource, Task>();
        return Task.WhenAll(resources.Select(Stop));

        Task Stop(Resource resource)
        {
            if (!stopped.TryGetValue(resource, out var task))
                stopped[resource] = task = StopAfterDependents(resource);
            return task;
        }

        async Task StopAfterDependents(Resource resource)
        {
            await Task.WhenAll(resources.Where(r => r.WaitsFor.Contains(resource)).Select(Stop));
            await resource.StopAsync(resource is ProjectResource ? ServiceGrace : InfrastructureGrace);
        }
    }
}
