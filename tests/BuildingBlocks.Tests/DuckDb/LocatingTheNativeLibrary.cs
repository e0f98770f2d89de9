using BuildingBlocks.DuckDb.Native;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class LocatingTheNativeLibrary : IDisposable
{
    readonly TempDirectory folder = new();

    [Fact]
    public void prefers_the_path_in_the_environment_variable()
    {
        var library = folder.File("libduckdb-custom.so");
        File.WriteAllBytes(library, []);

        DuckDbLibrary.Locate(library, AppContext.BaseDirectory).ShouldBe(library);
    }

    [Fact]
    public void refuses_an_environment_variable_that_points_nowhere()
    {
        Should.Throw<DllNotFoundException>(() => DuckDbLibrary.Locate(folder.File("nothing.so"), AppContext.BaseDirectory))
            .Message.ShouldContain("DUCKDB_LIBRARY");
    }

    [Fact]
    public void finds_the_copy_setup_extracted_into_the_repository()
    {
        var found = DuckDbLibrary.Locate(null, AppContext.BaseDirectory);

        found.ShouldNotBeNull();
        found.ShouldEndWith(Path.Combine(".platform", "tools", "native", "libduckdb.so"));
        File.Exists(Path.Combine(found, "..", "..", "..", "..", "Platform.sln")).ShouldBeTrue();
    }

    [Fact]
    public void falls_back_to_the_system_search_in_a_repository_without_the_library()
    {
        File.WriteAllText(folder.File("Platform.sln"), "");
        var binaries = Directory.CreateDirectory(folder.File("bin/Debug")).FullName;

        DuckDbLibrary.Locate(null, binaries).ShouldBeNull();
        DuckDbLibrary.Locate("", binaries).ShouldBeNull();
    }

    [Fact]
    public void tells_how_to_install_the_library_when_nothing_is_found()
    {
        var message = DuckDbLibrary.NotFound().Message;

        message.ShouldContain("./platform.sh setup");
        message.ShouldContain("DUCKDB_LIBRARY");
    }

    public void Dispose() => folder.Dispose();
}
