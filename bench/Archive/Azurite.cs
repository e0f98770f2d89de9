using BuildingBlocks.BlobStorage;
using BuildingBlocks.DevHosting;
using BuildingBlocks.DevHosting.Resources;
using Query.Archive;

namespace Archive.Bench;

/// <summary>Azurite's blob service started by the platform's own launcher, on a free port in a throw-away folder.</summary>
sealed class Azurite : IAsyncDisposable
{
    readonly Orchestrator orchestrator;
    readonly string state;

    Azurite(string state, AzuriteResource blob)
    {
        this.state = state;
        orchestrator = new Orchestrator(new ResourceContext(state, EchoOutput: false, Ephemeral: true), [blob]);
        Blobs = new BlobStorageClient(BlobConnection.Parse(blob.ConnectionString));
        Store = new ArchiveStore(Blobs);
    }

    public BlobStorageClient Blobs { get; }
    public ArchiveStore Store { get; }

    public static async Task<Azurite> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "archive-bench-azurite-" + Guid.NewGuid().ToString("N")[..8]);
        var azurite = new Azurite(state, new AzuriteResource("blob", RepositoryLayout.FreePort()));
        Directory.CreateDirectory(state);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await azurite.orchestrator.StartAsync(timeout.Token);
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        await orchestrator.StopAsync();
        try
        {
            Directory.Delete(state, recursive: true);
        }
        catch (IOException)
        {
            // Azurite may still be writing into its folder; /tmp is cleaned by the system.
        }
    }
}
