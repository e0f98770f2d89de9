using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class OpeningDatabases
{
    [Fact]
    public void loads_the_pinned_duckdb_release()
    {
        DuckDatabase.LibraryVersion.ShouldStartWith("v1.5.");
    }

    [Fact]
    public void applies_start_up_settings()
    {
        using var database = DuckDatabase.Open(":memory:", new Dictionary<string, string> { ["threads"] = "3", ["memory_limit"] = "256MB" });
        using var connection = database.Connect();

        connection.ExecuteScalar<long>("SELECT current_setting('threads')").ShouldBe(3);
        connection.ExecuteScalar<string>("SELECT current_setting('memory_limit')").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void refuses_an_unknown_setting_by_name()
    {
        Should.Throw<DuckDbException>(() => DuckDatabase.Open(null, new Dictionary<string, string> { ["no_such_setting"] = "1" }))
            .Message.ShouldContain("no_such_setting");
    }

    [Fact]
    public void keeps_data_in_a_database_file_across_reopening()
    {
        using var folder = new TempDirectory();
        var path = folder.File("store.duckdb");

        using (var database = DuckDatabase.Open(path))
        using (var connection = database.Connect())
            connection.Execute("CREATE TABLE kept AS SELECT range AS i FROM range(1000)");

        using var reopened = DuckDatabase.Open(path);
        using var again = reopened.Connect();
        again.ExecuteScalar<long>("SELECT sum(i) FROM kept").ShouldBe(499_500);
    }

    [Fact]
    public void reports_why_a_database_file_cannot_be_opened()
    {
        using var folder = new TempDirectory();

        Should.Throw<DuckDbException>(() => DuckDatabase.Open(folder.File("missing/dir/store.duckdb"))).Message.ShouldContain("Cannot open file");
    }

    [Fact]
    public void gives_each_in_memory_database_its_own_data()
    {
        using var first = TestDatabases.InMemory();
        using var second = TestDatabases.InMemory();
        using var a = first.Connect();
        using var b = second.Connect();

        a.Execute("CREATE TABLE only_in_first (i INTEGER)");

        Should.Throw<DuckDbException>(() => b.Execute("SELECT * FROM only_in_first"));
    }
}
