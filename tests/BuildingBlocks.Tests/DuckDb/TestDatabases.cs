using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

/// <summary>Databases for tests: private, in memory, and small, because the whole suite may run beside these.</summary>
static class TestDatabases
{
    public static DuckDatabase InMemory() => DuckDatabase.Open(null, new Dictionary<string, string> { ["threads"] = "2" });

    /// <summary>A path inside single quotes in SQL, for statements such as COPY that take no parameters.</summary>
    public static string Quoted(string path) => "'" + path.Replace("'", "''") + "'";
}
