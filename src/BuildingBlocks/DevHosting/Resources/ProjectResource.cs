using BuildingBlocks.DevHosting.Processes;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>One of the platform's services, started from its build output with its references as connection strings.</summary>
public sealed class ProjectResource(string name, string projectDirectory, int port) : Resource(name, port)
{
    readonly Dictionary<string, string> environment = [];

    public string ProjectDirectory { get; } = projectDirectory;
    protected override string LocalConnectionString => Url!;
    public override string Url => $"http://127.0.0.1:{Port}";

    public void SetEnvironment(string key, string value) => environment[key] = value;

    protected override async Task LaunchAsync(ResourceContext context, CancellationToken ct)
    {
        var project = Path.GetFileName(ProjectDirectory.TrimEnd('/'));
        var output = Path.Combine(context.RepositoryRoot, ProjectDirectory, "bin", RepositoryLayout.BuildConfiguration(), "net10.0");
        var assembly = Path.Combine(output, project + ".dll");
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"{assembly} is missing: build first (`./platform.sh run` builds everything).");

        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = Url,
            ["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development",
            ["OTEL_SERVICE_NAME"] = Name,
            ["Platform__DataDirectory"] = context.DataDirectory(Name),
        };
        foreach (var reference in References)
            env[$"ConnectionStrings__{reference.Name}"] = reference.ConnectionString;
        // What was set explicitly wins over the wiring, e.g. a test routing one service's blob traffic through a proxy.
        foreach (var (key, value) in environment) env[key] = value;

        Process = await ChildProcess.StartAsync(new ChildProcessSpec(Name, DotnetHost(), [assembly])
        {
            Environment = env,
            WorkingDirectory = output,
        }, Log!);
    }

    protected override Task WaitUntilReadyAsync(CancellationToken ct) => PollUntilAsync(async token =>
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var response = await http.GetAsync($"{Url}/health/ready", token);
        return response.IsSuccessStatusCode;
    }, TimeSpan.FromSeconds(90), ct);

    static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Path.Combine(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "/usr/share/dotnet", "dotnet") is var candidate && File.Exists(candidate)
                ? candidate
                : "/usr/bin/dotnet";
}
