using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ServiceDefaults;

/// <summary>
/// OpenTelemetry tracing over OTLP, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Built by hand because the
/// hosting and instrumentation packages are not available; ASP.NET Core's own ActivitySource gives request spans.
/// </summary>
public sealed class TracingProvider(TracerProvider provider) : IDisposable
{
    public const string PlatformSource = "Platform";

    public void Dispose() => provider.Dispose();

    internal static void Register(IServiceCollection services, string serviceName)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"))) return;
        services.AddSingleton(_ => new TracingProvider(Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") ?? serviceName))
            .AddSource("Microsoft.AspNetCore", PlatformSource)
            .AddOtlpExporter()
            .Build()));
    }
}
