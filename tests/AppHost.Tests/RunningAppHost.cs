using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.DevHosting;
using BuildingBlocks.DevHosting.Processes;
using TestInfrastructure;

namespace AppHost.Tests;

/// <summary>The built AppHost started as a child process, as `./platform.sh run` does, on free ports in a temporary state directory.</summary>
public sealed class RunningAppHost : IAsyncDisposable
{
    static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(150);
    readonly ResourceLog log;

    RunningAppHost(string stateDirectory, ChildProcess process, ResourceLog log)
    {
        StateDirectory = stateDirectory;
        Process = process;
        this.log = log;
    }

    public string StateDirectory { get; }
    public ChildProcess Process { get; }
    public IReadOnlyDictionary<string, string> Endpoints { get; private set; } = new Dictionary<string, string>();
    public string Output => string.Join('\n', log.Recent(50));

    public static async Task<RunningAppHost> StartAsync()
    {
        var root = RepositoryLayout.FindRoot();
        var state = Path.Combine(Path.GetTempPath(), "platform-apphost-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var assembly = Path.Combine(root, "src", "AppHost", "bin", RepositoryLayout.BuildConfiguration(), "net10.0", "AppHost.dll");
        string[] ports = ["status", "postgres", "redis", "blob", "tenancy", "ingestion", "query", "processing"];

        var log = new ResourceLog("apphost", Path.Combine(state, "apphost.log"), echo: false);
        var process = await ChildProcess.StartAsync(new ChildProcessSpec("apphost", "/usr/bin/dotnet",
            [assembly, $"--StateDirectory={state}", .. ports.Select(p => $"--Ports:{p}=0")]), log);
        var host = new RunningAppHost(state, process, log);
        await host.WaitForEndpointsAsync();
        return host;
    }

    async Task WaitForEndpointsAsync()
    {
        var file = Path.Combine(StateDirectory, "endpoints.json");
        await Eventually.Until(() => File.Exists(file) || Process.HasExited, StartDeadline, "the AppHost wrote endpoints.json");
        if (Process.HasExited) throw new InvalidOperationException($"The AppHost exited with code {Process.ExitCode}:\n{Output}");
        Endpoints = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(file))!;
    }

    public async Task<JsonElement[]> ResourcesAsync()
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonElement[]>($"{Endpoints["status"]}/api/resources"))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        log.Dispose();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the system's /tmp cleaning; the assertions are about processes, not files.
        }
    }
}
