using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.DevHosting;
using BuildingBlocks.DevHosting.Resources;
using Contracts;

namespace TestInfrastructure;

/// <summary>
/// Real infrastructure plus some of the platform's services as child processes from build output, wired like the
/// AppHost wires them, on free ports: for tests that need a service's real HTTP port (agents, cross-service flows).
/// </summary>
public sealed class PlatformStack : IAsyncDisposable
{
    public const string OperatorKey = "stack-operator-key-0123456789abcdef";
    readonly Orchestrator orchestrator;
    readonly Dictionary<string, ProjectResource> services = [];

    PlatformStack(string stateDirectory, IReadOnlyList<string> serviceNames)
    {
        StateDirectory = stateDirectory;
        Postgres = new PostgresResource("postgres", RepositoryLayout.FreePort());
        Redis = new RedisResource("redis", RepositoryLayout.FreePort());
        Kafka = new KafkaResource("kafka");
        foreach (var (topic, partitions) in Topics.All) Kafka.AddTopic(topic, partitions);
        Blob = new AzuriteResource("blob", RepositoryLayout.FreePort());
        var tenancy = Service("tenancy", "src/Tenancy", Postgres, Kafka, Blob);
        tenancy.SetEnvironment("Tenancy__Onboarding__Mode", "open");
        foreach (var name in serviceNames.Where(n => n != "tenancy"))
            Service(name, $"src/{char.ToUpperInvariant(name[0])}{name[1..]}", Postgres, Redis, Kafka, Blob, tenancy);
        var echo = Environment.GetEnvironmentVariable("PLATFORM_TEST_ECHO") == "1";
        orchestrator = new Orchestrator(new ResourceContext(stateDirectory, echo, Ephemeral: true),
            [Postgres, Redis, Kafka, Blob, .. services.Values]);
    }

    public string StateDirectory { get; }
    public PostgresResource Postgres { get; }
    public RedisResource Redis { get; }
    public KafkaResource Kafka { get; }
    public AzuriteResource Blob { get; }
    public string Url(string service) => services[service].Url;
    public int? Pid(string service) => services[service].Process?.Pid;

    /// <summary>Tenancy always runs (every service authenticates through its configuration).</summary>
    public static Task<PlatformStack> StartAsync(params string[] serviceNames) => StartAsync(serviceNames, configure: null);

    /// <param name="configure">Called before anything starts, e.g. to <see cref="SetEnvironment"/> of a service.</param>
    public static async Task<PlatformStack> StartAsync(string[] serviceNames, Action<PlatformStack>? configure)
    {
        var state = Path.Combine(Path.GetTempPath(), "platform-stack-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(state);
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
        var stack = new PlatformStack(state, serviceNames);
        configure?.Invoke(stack);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await stack.orchestrator.StartAsync(timeout.Token);
        return stack;
    }

    /// <summary>Sets a variable of a service's environment; it wins over the connection strings the stack wires.</summary>
    public void SetEnvironment(string service, string key, string value) => services[service].SetEnvironment(key, value);

    /// <summary>Kills a service with SIGKILL (a crash, no shutdown code runs) and starts it again.</summary>
    /// <param name="beforeStart">Runs while the service is down (e.g. to damage its files).</param>
    public async Task CrashAndRestartAsync(string service, Action? beforeStart = null)
    {
        await services[service].KillAsync();
        beforeStart?.Invoke();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await services[service].StartAsync(orchestrator.Context, timeout.Token);
    }

    public HttpClient Client(string service, string? key = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url(service)), Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Onboards a tenant with a unique id through Tenancy; returns its id and first admin key (all scopes).</summary>
    public async Task<(string TenantId, string AdminKey)> OnboardAsync(string prefix = "t", string plan = "standard")
    {
        var tenantId = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var response = await Client("tenancy").PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Test " + tenantId, adminEmail = $"admin@{tenantId}.example", plan });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (tenantId, body.GetProperty("adminKey").GetProperty("secret").GetString()!);
    }

    /// <summary>Issues another key of the tenant; returns its id and secret.</summary>
    public async Task<(string KeyId, string Secret)> IssueKeyAsync(string tenantId, string adminKey, string role, params string[] scopes)
    {
        using var response = await Client("tenancy", adminKey).PostAsJsonAsync($"/api/v1/tenants/{tenantId}/keys",
            new { name = $"{role} key", role, scopes });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("key").GetProperty("keyId").GetString()!, body.GetProperty("secret").GetString()!);
    }

    public async ValueTask DisposeAsync()
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

    ProjectResource Service(string name, string directory, params Resource[] references)
    {
        var service = new ProjectResource(name, directory, RepositoryLayout.FreePort());
        foreach (var reference in references)
        {
            service.AddReference(reference);
            service.AddWaitFor(reference);
        }
        service.SetEnvironment("Platform__OperatorKey", OperatorKey);
        services[name] = service;
        return service;
    }
}
