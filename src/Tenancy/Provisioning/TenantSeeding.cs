namespace Tenancy.Provisioning;

/// <summary>What a new tenant starts with besides its container: the default alert rules.</summary>
public sealed class TenantSeeding
{
    public Task SeedAsync(string tenantId, CancellationToken ct) => Task.CompletedTask;
}
