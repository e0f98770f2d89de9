using BuildingBlocks.DevHosting;
using BuildingBlocks.DevHosting.Resources;
using Contracts;
using Xunit;

namespace TestInfrastructure;

/// <summary>
/// Real PostgreSQL, Redis, Kafka (librdkafka's mock cluster) and Azurite, started once per test assembly with the
/// AppHost's own launcher code, on free ports and in a throw-away state directory. A resource whose
/// ConnectionStrings__{name} is set in the environment is used as it is instead. xunit wants the collection
/// definition inside each test assembly: see InfrastructureCollection there.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    readonly Orchestrator orchestrator;

    public InfrastructureFixture()
    {
        StateDirectory = Path.Combine(Path.GetTempPath(), "platform-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(StateDirectory);
        // Reachable by the postgres user, which runs the server when tests run as root.
        File.SetUnixFileMode(StateDirectory, (UnixFileMode)0b111_101_101);

        Postgres = External(new PostgresResource("postgres", RepositoryLayout.FreePort()));
        Redis = External(new RedisResource("redis", RepositoryLayout.FreePort()));
        Kafka = External(new KafkaResource("kafka"));
        Blob = External(new AzuriteResource("blob", RepositoryLayout.FreePort()));
        foreach (var (topic, partitions) in Topics.All) Kafka.AddTopic(topic, partitions);
        var echo = Environment.GetEnvironmentVariable("PLATFORM_TEST_ECHO") == "1";
        orchestrator = new Orchestrator(new ResourceContext(StateDirectory, EchoOutput: echo, Ephemeral: true), [Postgres, Redis, Kafka, Blob]);
    }

    public string StateDirectory { get; }
    public PostgresResource Postgres { get; }
    public RedisResource Redis { get; }
    public KafkaResource Kafka { get; }
    public AzuriteResource Blob { get; }

    public string PostgresConnectionString => Postgres.ConnectionString;
    public string RedisConnectionString => Redis.ConnectionString;
    public string KafkaBootstrapServers => Kafka.ConnectionString;
    public string BlobConnectionString => Blob.ConnectionString;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await orchestrator.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        await orchestrator.StopAsync();
        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing into its folder; /tmp is cleaned by the system.
        }
    }

    static T External<T>(T resource) where T : Resource
    {
        if (Environment.GetEnvironmentVariable($"ConnectionStrings__{resource.Name}") is { Length: > 0 } existing)
            resource.UseExternal(existing);
        return resource;
    }
}
