using BuildingBlocks.TenantConfig;

namespace Tenancy.Access;

/// <summary>Who is calling, derived from the presented key only: never from the request body or route.</summary>
public sealed record Caller(string Actor, string? TenantId, ApiKeyRole Role, IReadOnlySet<string> Scopes, bool IsOperator)
{
    public static readonly Caller Operator = new("operator", null, ApiKeyRole.Admin, ApiKeyScopes.All, IsOperator: true);

    public static Caller ForKey(string keyId, string tenantId, ApiKeyRole role, IReadOnlyList<string> scopes) =>
        new($"key:{keyId}", tenantId, role, scopes.ToHashSet(), IsOperator: false);

    public bool MayManage(string tenantId, ApiKeyRole role) =>
        IsOperator || (TenantId == tenantId && Role >= role && Scopes.Contains(ApiKeyScopes.Admin));

    const string ItemKey = "platform.caller";
    public static Caller Of(HttpContext context) => (Caller)context.Items[ItemKey]!;
    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
