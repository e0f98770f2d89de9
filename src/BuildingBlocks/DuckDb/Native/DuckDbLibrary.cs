using System.Reflection;
using System.Runtime.InteropServices;

namespace BuildingBlocks.DuckDb.Native;

/// <summary>Finds libduckdb.so for the "duckdb" imports of this assembly.</summary>
/// <remarks>No NuGet package ships DuckDB on our machines, so eng/setup.sh extracts the library into the repository.</remarks>
internal static class DuckDbLibrary
{
    public const string Name = "duckdb";
    public const string PathVariable = "DUCKDB_LIBRARY";
    static readonly string PathInRepository = Path.Combine(".platform", "tools", "native", "libduckdb.so");
    static int registered;

    public static void RegisterResolver()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);
    }

    static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return 0;
        var path = Locate(Environment.GetEnvironmentVariable(PathVariable), AppContext.BaseDirectory);
        if (path is not null) return NativeLibrary.Load(path);
        if (NativeLibrary.TryLoad(libraryName, assembly, searchPath, out var handle)) return handle;
        throw NotFound();
    }

    /// <summary>The file to load, or null to fall back to the system's search.</summary>
    /// <param name="variable">The value of DUCKDB_LIBRARY, which wins when set.</param>
    /// <param name="startDirectory">Where to start walking up to the folder holding Platform.sln.</param>
    internal static string? Locate(string? variable, string startDirectory)
    {
        // A path set on purpose but wrong is a configuration error, not a reason to load some other copy.
        if (!string.IsNullOrEmpty(variable))
            return File.Exists(variable)
                ? variable
                : throw new DllNotFoundException($"{PathVariable} is set to '{variable}', which does not exist.");

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) continue;
            var candidate = Path.Combine(dir.FullName, PathInRepository);
            return File.Exists(candidate) ? candidate : null;
        }
        return null;
    }

    internal static DllNotFoundException NotFound() => new(
        $"DuckDB's native library (libduckdb.so, DuckDB 1.5.6) was not found: {PathVariable} is not set, " +
        $"<repository>/{PathInRepository} does not exist and the system library search found nothing. " +
        $"Run ./platform.sh setup to extract it, or set {PathVariable} to its path.");
}
