using BuildingBlocks.TenantConfig;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.ConfigCache;

/// <summary>
/// A configuration cache wired as a service wires it (AddTenantConfigCache), following the fixture's Kafka. The test
/// server has no port, so the snapshot's named HttpClient is given the server's in-memory handler.
/// </summary>
sealed class RunningConfigCache : IAsyncDisposable
{
    readonly IHost host;

    RunningConfigCache(IHost host) => this.host = host;

    public TenantConfigCache Cache => host.Services.GetRequiredService<TenantConfigCache>();

    public static async Task<RunningConfigCache> StartAsync(TenancyApp app)
    {
        var host = new HostBuilder()
            .ConfigureServices(services =>
            {
                services.AddTenantConfigCache(new TenantConfigOptions
                {
                    KafkaBootstrapServers = app.Infrastructure.KafkaBootstrapServers,
                    TenancyUrl = app.Server.BaseAddress,
                    OperatorKey = TenancyApp.OperatorKey,
                    ServiceName = "tests",
                });
                services.AddHttpClient(ConfigSnapshotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => app.Server.CreateHandler());
            })
            .Build();
        await host.StartAsync();
        var running = new RunningConfigCache(host);
        await Eventually.Until(() => running.Cache.IsReady, TimeSpan.FromSeconds(30), "the cache loaded the snapshot");
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
