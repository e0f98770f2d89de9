using BuildingBlocks.DevHosting.Processes;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>Where resources keep their data and logs, and whether their output is echoed to the console.</summary>
public sealed record ResourceContext(string StateDirectory, bool EchoOutput, bool Ephemeral)
{
    public string DataDirectory(string resource) => Path.Combine(StateDirectory, "data", resource);
    public string LogFile(string resource) => Path.Combine(StateDirectory, "logs", resource + ".log");
    public string RepositoryRoot { get; init; } = RepositoryLayout.FindRoot();
    public string ToolsDirectory => Path.Combine(RepositoryRoot, ".platform", "tools");
    public bool RunningAsRoot { get; } = Environment.UserName == "root";

    public ResourceLog CreateLog(string resource) => new(resource, LogFile(resource), EchoOutput);
}
