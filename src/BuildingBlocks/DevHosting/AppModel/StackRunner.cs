using System.Text.Json;
using BuildingBlocks.DevHosting.Resources;
using Microsoft.Extensions.Hosting;

namespace BuildingBlocks.DevHosting.AppModel;

/// <summary>Brings the stack up when the AppHost starts and down when it stops; a resource that fails ends the run.</summary>
sealed class StackRunner(Orchestrator orchestrator, DistributedApplication app, IHostApplicationLifetime lifetime) : BackgroundService
{
    string EndpointsFile => Path.Combine(orchestrator.Context.StateDirectory, "endpoints.json");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        File.Delete(EndpointsFile);
        Console.WriteLine($"Starting the platform; status page at {app.StatusUrl}");
        var started = DateTimeOffset.UtcNow;
        try
        {
            await orchestrator.StartAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            ReportFailures();
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await WriteEndpointsAsync();
        Console.WriteLine(ResourceTable.Render(orchestrator.Resources, app.StatusUrl));
        Console.WriteLine($"All resources ready in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s; endpoints in {EndpointsFile}. Ctrl+C stops everything.");
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Console.WriteLine("Stopping the platform…");
        File.Delete(EndpointsFile);
        await orchestrator.StopAsync();
        Console.WriteLine("Stopped.");
    }

    void ReportFailures()
    {
        foreach (var failed in orchestrator.Resources.Where(r => r.State == ResourceState.Failed))
        {
            Console.Error.WriteLine($"*** {failed.Name} failed: {failed.Error}");
            foreach (var line in failed.Log?.Recent(15) ?? []) Console.Error.WriteLine($"    {line}");
        }
    }

    async Task WriteEndpointsAsync()
    {
        var endpoints = new Dictionary<string, string> { ["status"] = app.StatusUrl };
        foreach (var resource in orchestrator.Resources.OfType<ProjectResource>()) endpoints[resource.Name] = resource.Url;
        var temporary = EndpointsFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(endpoints, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, EndpointsFile, overwrite: true);
    }
}
