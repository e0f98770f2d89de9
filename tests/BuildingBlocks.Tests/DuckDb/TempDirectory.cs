namespace BuildingBlocks.Tests.DuckDb;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it on dispose.</summary>
sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("duckdb-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
