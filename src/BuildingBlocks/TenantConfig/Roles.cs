namespace BuildingBlocks.TenantConfig;

/// <summary>viewer reads; operator also configures; admin also manages keys and deletion.</summary>
public enum ApiKeyRole { Viewer = 1, Operator = 2, Admin = 3 }

public static class ApiKeyScopes
{
    public const string Ingest = "ingest";
    public const string Query = "query";
    public const string Admin = "admin";
    public static readonly IReadOnlySet<string> All = new HashSet<string> { Ingest, Query, Admin };
}
