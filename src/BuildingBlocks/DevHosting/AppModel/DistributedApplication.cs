using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BuildingBlocks.DevHosting.AppModel;

/// <summary>The running AppHost: orchestrates the resources in the background and serves the status page.</summary>
public sealed class DistributedApplication
{
    readonly WebApplication web;

    internal DistributedApplication(WebApplicationBuilder builder, Orchestrator orchestrator, int statusPort,
        IReadOnlyDictionary<string, string> secrets)
    {
        StatusUrl = $"http://127.0.0.1:{statusPort}";
        Secrets = secrets;
        builder.WebHost.UseUrls(StatusUrl);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddSingleton(orchestrator);
        builder.Services.AddSingleton(this);
        builder.Services.AddHostedService<StackRunner>();
        web = builder.Build();
        web.MapStatusPage();
    }

    public string StatusUrl { get; }

    /// <summary>Shown on the status page, which listens on loopback only.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => DistributedApplicationBuilder.Create(args);

    public void Run() => web.Run();
}
