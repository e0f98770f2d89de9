using BuildingBlocks.TenantConfig;
using Tenancy.ApiKeys;

namespace Tenancy.Tests.ApiKeys;

static class AnApiKey
{
    public static readonly ApiKeyIssued Issued = new("k1", "acme", "ci", ApiKeyRole.Operator, ["admin", "ingest"], null, "salt-1", "hash-1");

    public static ApiKey Active => History.Of<ApiKey>(Issued);
    public static ApiKey Revoked => History.Of<ApiKey>(Issued, new ApiKeyRevoked("k1"));
}
