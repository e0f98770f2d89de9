namespace Contracts;

/// <summary>
/// The tenant's blob container: created by Tenancy when the tenant is provisioned (and deleted with it), and holding
/// the Query context's archive. Part of the contract between the two.
/// </summary>
public static class TenantStorage
{
    public static string ContainerFor(string tenantId) => $"tenant-{tenantId}";
}
