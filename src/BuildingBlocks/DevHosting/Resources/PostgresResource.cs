using BuildingBlocks.DevHosting.Processes;
using Npgsql;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>PostgreSQL from Debian's packages, as a child process on a private data directory.</summary>
public sealed class PostgresResource(string name, int port) : Resource(name, port)
{
    const string ServiceUser = "postgres";
    string dataDirectory = "";

    protected override string LocalConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Timeout=5";

    protected override int StopSignal => Signals.Int; // "fast shutdown": SIGTERM would wait for every client to leave.

    protected override async Task LaunchAsync(ResourceContext context, CancellationToken ct)
    {
        var bin = FindBinaries();
        var runAs = context.RunningAsRoot ? ServiceUser : null;
        dataDirectory = PostgresDataDirectory.Prepare(context.DataDirectory(Name), runAs);

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            Log!.Write($"initdb into {dataDirectory}");
            var initdb = await ChildProcess.StartAsync(new ChildProcessSpec(Name + "-initdb", Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--locale=C"]) { RunAsUser = runAs }, Log);
            await initdb.Exited.WaitAsync(ct);
            if (initdb.ExitCode != 0) throw new InvalidOperationException($"initdb exited with code {initdb.ExitCode}");
        }

        List<string> args = ["-D", dataDirectory, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=", "-c", "max_connections=200"];
        if (context.Ephemeral)
            args.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        Process = await ChildProcess.StartAsync(new ChildProcessSpec(Name, Path.Combine(bin, "postgres"), args) { RunAsUser = runAs }, Log!);
    }

    protected override Task WaitUntilReadyAsync(CancellationToken ct) => PollUntilAsync(async token =>
    {
        await using var connection = new NpgsqlConnection(LocalConnectionString + ";Pooling=false");
        await connection.OpenAsync(token);
        await using var command = new NpgsqlCommand("select 1", connection);
        return await command.ExecuteScalarAsync(token) is 1;
    }, TimeSpan.FromSeconds(60), ct);

    protected override Task OnStoppedAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return bin ?? throw new MissingBinaryException("postgres", Path.Combine(root, "<version>", "bin", "postgres"));
    }
}
