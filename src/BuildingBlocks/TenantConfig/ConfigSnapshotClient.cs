using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Contracts.Config;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.TenantConfig;

/// <summary>Fetches GET /api/v1/config/snapshot from Tenancy, retrying with backoff until it answers.</summary>
public sealed class ConfigSnapshotClient(IHttpClientFactory httpClients, TenantConfigOptions options, ILogger<ConfigSnapshotClient> logger)
{
    /// <summary>The named HttpClient used for the snapshot; a test can give it an in-memory handler.</summary>
    public const string HttpClientName = "tenant-config-snapshot";
    public const string SnapshotPath = "/api/v1/config/snapshot";

    public async Task<ConfigSnapshot> FetchAsync(CancellationToken ct)
    {
        var url = new Uri(options.TenancyUrl, SnapshotPath);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(url, ct);
            }
            catch (Exception e) when ((e is HttpRequestException or JsonException or NotSupportedException or TaskCanceledException) && !ct.IsCancellationRequested)
            {
                // Tenancy may simply not be up yet (services start together); an unready cache is what readiness reports.
                var delay = options.SnapshotBackoff(attempt);
                logger.LogWarning(e, "Fetching the configuration snapshot from {Url} failed (attempt {Attempt}); retrying in {Delay}",
                    url, attempt, delay);
                await Task.Delay(delay, ct);
            }
        }
    }

    async Task<ConfigSnapshot> FetchOnceAsync(Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.OperatorKey);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var snapshot = await response.Content.ReadFromJsonAsync<ConfigSnapshot>(ConfigMessageReader.Json, ct)
            ?? throw new JsonException("The configuration snapshot is null");
        return ConfigMessageReader.Check(snapshot);
    }
}
