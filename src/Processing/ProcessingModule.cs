using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Processing.Consuming;
using Processing.Pipelines;
using ServiceDefaults.Health;

namespace Processing;

/// <summary>Tenant pipelines from logs.raw to logs.processed (alert evaluation and notification come later).</summary>
public static class ProcessingModule
{
    public static WebApplicationBuilder AddProcessing(this WebApplicationBuilder builder)
    {
        builder.AddDependencyHealthChecks(Dependency.Kafka);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var kafka = Required(configuration, "kafka");

        services.AddTenantConfigCache(new TenantConfigOptions
        {
            KafkaBootstrapServers = kafka,
            TenancyUrl = new Uri(Required(configuration, "tenancy")),
            OperatorKey = configuration["Platform:OperatorKey"] ?? throw new InvalidOperationException("Platform__OperatorKey is not set."),
            ServiceName = "processing",
        });
        services.AddSingleton(_ => new MessageProducer(kafka, "processing"));
        services.AddSingleton(PipelineOptions.Default);
        services.AddSingleton<TenantPipelines>();
        services.AddSingleton(new ProcessorOptions(kafka));
        services.AddHostedService<RawLogProcessor>();
        return builder;
    }

    static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings__{name} is not set.");
}
