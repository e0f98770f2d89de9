using BuildingBlocks.BlobStorage;
using BuildingBlocks.EventStore;
using BuildingBlocks.Messaging;
using Contracts;
using FluentValidation;
using Npgsql;
using ServiceDefaults;
using ServiceDefaults.Health;
using Tenancy.Access;
using Tenancy.AlertRules;
using Tenancy.ApiKeys;
using Tenancy.DataLifecycle;
using Tenancy.Pipelines;
using Tenancy.Provisioning;
using Tenancy.Storage;
using Tenancy.Tenants;
using Tenancy.Usage;

namespace Tenancy;

/// <summary>Tenants, API keys, plans, pipelines and alert rules, event-sourced in PostgreSQL.</summary>
public static class TenancyModule
{
    public static WebApplicationBuilder AddTenancy(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Postgres, Dependency.Kafka, Dependency.Blob);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => EventStoreDataSource.Create(configuration.Required("postgres")));
        services.AddSingleton(_ => new BlobStorageClient(BlobConnection.Parse(configuration.Required("blob"))));
        services.AddSingleton(_ => new MessageProducer(configuration.Required("kafka"), "tenancy"));
        services.AddSingleton(TenancyEventTypes.Create());
        services.AddSingleton<IReadOnlyList<IInlineProjection>>([new TenantSummaryProjection(), new ApiKeyProjection(),
            new PipelineProjection(), new AlertRuleProjection()]);
        services.AddSingleton<PostgresEventStore>();
        services.AddSingleton<Documents>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<Authenticator>();
        services.AddSingleton<OnboardingPolicy>();
        services.AddSingleton<TenantSeeding>();
        services.AddSingleton<IValidator<OnboardTenantRequest>, OnboardTenantValidator>();
        services.AddSingleton<IValidator<ChangeTenantRequest>, ChangeTenantValidator>();
        services.AddSingleton<IValidator<IssueApiKeyRequest>, IssueApiKeyValidator>();
        services.AddSingleton<IValidator<DefinePipelineRequest>, DefinePipelineValidator>();
        services.AddSingleton<IValidator<AlertRuleRequest>, AlertRuleValidator>();
        services.AddExceptionHandler<DomainErrorHandler>();

        // Started in this order: the schema exists before the relay and the saga read it.
        services.AddHostedService<SchemaMigration>();
        services.AddHostedService<OutboxRelay>();
        services.AddHostedService<ProvisioningSaga>();
        services.AddSingleton<UsageRollup>();
        services.AddSingleton<DataLifecycleRecorder>();
        // Not AddHostedService: it registers one service per implementation type, so a second ConsumerHost would be dropped.
        services.AddSingleton<IHostedService>(sp => new ConsumerHost(
            new ConsumerOptions(configuration.Required("kafka"), "tenancy-usage", [Topics.Usage]),
            sp.GetRequiredService<UsageRollup>().Handlers, sp.GetRequiredService<MessageProducer>(), sp.GetRequiredService<ILogger<ConsumerHost>>()));
        services.AddSingleton<IHostedService>(sp => new ConsumerHost(
            new ConsumerOptions(configuration.Required("kafka"), "tenancy-data-lifecycle", [Topics.DataLifecycle]),
            sp.GetRequiredService<DataLifecycleRecorder>().Handlers, sp.GetRequiredService<MessageProducer>(), sp.GetRequiredService<ILogger<ConsumerHost>>()));
        return builder;
    }
}

sealed class SchemaMigration(NpgsqlDataSource db) : IHostedService
{
    public Task StartAsync(CancellationToken ct) => Schema.MigrateAsync(db, "tenancy", TenancySchema.Steps, ct);
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
