using ServiceDefaults.Health;

namespace Tenancy;

/// <summary>Tenants, API keys, plans, pipelines and alert rules, event-sourced in PostgreSQL.</summary>
public static class TenancyModule
{
    public static WebApplicationBuilder AddTenancy(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Postgres, Dependency.Kafka, Dependency.Blob);
        return builder;
    }
}
