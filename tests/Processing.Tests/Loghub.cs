namespace Processing.Tests;

/// <summary>
/// The Loghub sample logs, read in place from ../shared/data/loghub next to the repository (see the LICENSE and README
/// there): real lines, never copied into this repository. The repository is the folder above the test binary that holds
/// Platform.sln.
/// </summary>
static class Loghub
{
    static readonly Lazy<string> Directory = new(Find);

    public static string[] Lines(string file) =>
        [.. File.ReadLines(Path.Combine(Directory.Value, file)).Where(line => line.Length > 0)];

    static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "loghub"));
        throw new DirectoryNotFoundException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
