namespace BuildingBlocks.DevHosting.Processes;

public sealed record ChildProcessSpec(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }

    /// <summary>Run as this user when the host is root (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }
}

public static class Signals
{
    public const int Int = 2;
    public const int Kill = 9;
    public const int Term = 15;
}

public sealed class MissingBinaryException(string resource, string path)
    : Exception($"{resource}: '{path}' was not found. Run `./platform.sh setup` (or `./platform.sh run`), which installs it.");
