using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TestInfrastructure;

namespace Tenancy.IntegrationTests;

/// <summary>The real Tenancy service in-process, against real PostgreSQL, Kafka and Azurite started for this test assembly.</summary>
public sealed class TenancyApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly InfrastructureFixture infra = new();

    public const string OperatorKey = "test-operator-key-0123456789";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public InfrastructureFixture Infrastructure => infra;

    public async Task InitializeAsync()
    {
        await infra.InitializeAsync();
        _ = Server; // starts the app: schema, relay and saga are running before the first test
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await infra.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:postgres", infra.PostgresConnectionString);
        builder.UseSetting("ConnectionStrings:kafka", infra.KafkaBootstrapServers);
        builder.UseSetting("ConnectionStrings:blob", infra.BlobConnectionString);
        builder.UseSetting("Platform:OperatorKey", OperatorKey);
        builder.UseSetting("Tenancy:Onboarding:Mode", "open");
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Operator() => ClientWithKey(OperatorKey);

    /// <summary>Onboards a tenant with a unique id and returns its id and first admin key's secret.</summary>
    public async Task<(string TenantId, string AdminKey)> OnboardAsync(string prefix = "t", string plan = "free")
    {
        var tenantId = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var response = await CreateClient().PostAsJsonAsync("/api/v1/tenants",
            new { tenantId, displayName = "Test " + tenantId, adminEmail = $"admin@{tenantId}.example", plan });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (tenantId, body.GetProperty("adminKey").GetProperty("secret").GetString()!);
    }
}
