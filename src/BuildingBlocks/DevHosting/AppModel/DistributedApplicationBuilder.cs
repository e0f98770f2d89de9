using BuildingBlocks.DevHosting.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace BuildingBlocks.DevHosting.AppModel;

/// <summary>
/// Declares the local stack in the shape of a .NET Aspire AppHost, so moving to Aspire where its packages exist is a
/// small change. Configuration: <c>Ports:{name}</c> overrides a default port (0 picks a free one),
/// <c>ConnectionStrings:{name}</c> uses an existing instance instead of launching one, <c>StateDirectory</c> moves
/// data and logs (default: .platform in the repository).
/// </summary>
public sealed class DistributedApplicationBuilder
{
    readonly List<Resource> resources = [];
    readonly Dictionary<string, string> secrets = [];
    readonly string repositoryRoot = RepositoryLayout.FindRoot();

    DistributedApplicationBuilder(string[] args)
    {
        Web = WebApplication.CreateBuilder(args);
        StateDirectory = Path.GetFullPath(Configuration["StateDirectory"] ?? Path.Combine(repositoryRoot, ".platform"));
    }

    public string StateDirectory { get; }

    public WebApplicationBuilder Web { get; }
    public IConfiguration Configuration => Web.Configuration;

    internal static DistributedApplicationBuilder Create(string[] args) => new(args);

    public ResourceBuilder<PostgresResource> AddPostgres(string name, int port) => Add(new PostgresResource(name, PortFor(name, port)));
    public ResourceBuilder<RedisResource> AddRedis(string name, int port) => Add(new RedisResource(name, PortFor(name, port)));
    public ResourceBuilder<KafkaResource> AddKafka(string name) => Add(new KafkaResource(name));
    public ResourceBuilder<AzuriteResource> AddAzurite(string name, int port) => Add(new AzuriteResource(name, PortFor(name, port)));

    /// <param name="projectDirectory">Relative to the repository root, e.g. <c>src/Tenancy</c>.</param>
    public ResourceBuilder<ProjectResource> AddProject(string name, string projectDirectory, int port) =>
        Add(new ProjectResource(name, projectDirectory, PortFor(name, port)));

    /// <summary>
    /// A secret the stack needs, e.g. the platform operator key: taken from configuration (<c>Secrets:{name}</c>) when
    /// set, else generated once and kept in <c>{StateDirectory}/{name}</c> (readable by the owner only).
    /// </summary>
    public string AddSecret(string name)
    {
        var value = Configuration[$"Secrets:{name}"] is { Length: > 0 } configured ? configured : StoredSecret.LoadOrCreate(Path.Combine(StateDirectory, name));
        secrets[name] = value;
        return value;
    }

    public DistributedApplication Build()
    {
        var context = new ResourceContext(StateDirectory, EchoOutput: true, Ephemeral: false) { RepositoryRoot = repositoryRoot };
        return new DistributedApplication(Web, new Orchestrator(context, resources), PortFor("status", 15000), secrets);
    }

    ResourceBuilder<T> Add<T>(T resource) where T : Resource
    {
        if (Configuration[$"ConnectionStrings:{resource.Name}"] is { Length: > 0 } external)
            resource.UseExternal(external);
        resources.Add(resource);
        return new ResourceBuilder<T>(resource);
    }

    int PortFor(string name, int defaultPort)
    {
        var port = Configuration.GetValue($"Ports:{name}", defaultPort);
        return port == 0 ? RepositoryLayout.FreePort() : port;
    }
}

public sealed class ResourceBuilder<T>(T resource) where T : Resource
{
    public T Resource { get; } = resource;

    public ResourceBuilder<T> WithReference<TOther>(ResourceBuilder<TOther> other) where TOther : Resource
    {
        Resource.AddReference(other.Resource);
        return this;
    }

    public ResourceBuilder<T> WaitFor<TOther>(ResourceBuilder<TOther> other) where TOther : Resource
    {
        Resource.AddWaitFor(other.Resource);
        return this;
    }
}

public static class ResourceBuilderExtensions
{
    public static ResourceBuilder<KafkaResource> WithTopics(this ResourceBuilder<KafkaResource> kafka, IEnumerable<(string Name, int Partitions)> topics)
    {
        foreach (var (name, partitions) in topics) kafka.Resource.AddTopic(name, partitions);
        return kafka;
    }

    public static ResourceBuilder<ProjectResource> WithEnvironment(this ResourceBuilder<ProjectResource> project, string key, string value)
    {
        project.Resource.SetEnvironment(key, value);
        return project;
    }
}
