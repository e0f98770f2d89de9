using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Processing.Consuming;
using Processing.Pipelines;
using ServiceDefaults;
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
        var kafka = configuration.Required("kafka");

        services.AddTenantConfigCache(configuration, "processing");
        services.AddSingleton(_ => new MessageProducer(kafka, "processing"));
        services.AddSingleton(PipelineOptions.Default);
        services.AddSingleton<TenantPipelines>();
        services.AddSingleton(new ProcessorOptions(kafka));
        services.AddHostedService<RawLogProcessor>();
        return builder;
    }
}
