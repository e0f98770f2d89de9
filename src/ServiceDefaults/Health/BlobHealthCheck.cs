using BuildingBlocks.BlobStorage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ServiceDefaults.Health;

sealed class BlobHealthCheck(string connectionString) : IHealthCheck
{
    readonly BlobStorageClient client = new(BlobConnection.Parse(connectionString));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await client.PingAsync(ct);
        return HealthCheckResult.Healthy();
    }
}
