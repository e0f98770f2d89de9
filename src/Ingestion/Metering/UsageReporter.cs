using System.Text.Json;
using BuildingBlocks.Messaging;
using Contracts;
using Contracts.Usage;

namespace Ingestion.Metering;

/// <summary>Sends the accumulated usage to the usage topic every few seconds and once more on shutdown.</summary>
public sealed class UsageReporter(UsageMeter meter, MessageProducer producer, ILogger<UsageReporter> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last flush is in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    public async Task FlushAsync()
    {
        var reports = meter.Drain();
        if (reports.Count == 0) return;
        var outcomes = await Task.WhenAll(reports.Select(async report =>
        {
            try
            {
                await producer.PublishAsync(Topics.Usage,
                    Envelope.Create(UsageReported.Type, report.TenantId, JsonSerializer.SerializeToUtf8Bytes(report, JsonSerializerOptions.Web)));
                return null;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Sending usage of {Tenant} failed; it goes with the next report", report.TenantId);
                return report;
            }
        }));
        meter.Restore(outcomes.OfType<UsageReported>());
    }
}
