using System.Diagnostics;
using System.Diagnostics.Metrics;
using ServiceDefaults.Metrics;

namespace ServiceDefaults.Tests;

public sealed class CheckingAScrapeWithPromtool
{
    [Fact]
    public async Task a_scrape_with_the_runtime_metrics_and_awkward_instruments_passes_promtool()
    {
        using var metrics = new PrometheusMetrics();
        using var meter = new Meter("test.promtool");
        KeyValuePair<string, object?>[] awkwardTags =
            [new("le", "x"), new("1st", "a\"b\\c\nd"), new("tenantId", "t1"), new("a.b", 1), new("a_b", 2)];
        meter.CreateCounter<long>("test.p.requestsServed", "{request}", "Requests.\nWith a \\ in the help.").Add(3, awkwardTags);
        meter.CreateUpDownCounter<int>("test.p.connections.count").Add(2, awkwardTags);
        meter.CreateGauge<double>("test.p.utilization", "1").Record(double.NaN, awkwardTags);
        meter.CreateHistogram<double>("test.p.duration", "ms").Record(12.5, awkwardTags);
        meter.CreateHistogram<int>("test.p.size", "KiBy").Record(3);
        meter.CreateObservableGauge("test.p.queue.length", () => double.PositiveInfinity);
        // Same family name as the histogram above but another type: must be left out, not written twice.
        meter.CreateUpDownCounter<int>("test.p.duration", "ms").Add(1);

        var scrape = metrics.Scrape();

        scrape.ShouldContain("\n# TYPE dotnet_gc_collections_total counter\n", customMessage: "System.Runtime's meter should be exported");
        scrape.ShouldContain("\n# TYPE test_p_requests_served_total counter\n");
        scrape.ShouldContain("\n# TYPE test_p_duration_seconds histogram\n");
        scrape.ShouldEndWith("\n");
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, scrape);
            var result = await Promtool.CheckMetrics(file);
            result.ExitCode.ShouldBe(0, customMessage: $"promtool check metrics said:\n{result.Output}\n--- scrape ---\n{scrape}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    sealed record Promtool(int ExitCode, string Output)
    {
        public static async Task<Promtool> CheckMetrics(string file)
        {
            var start = new ProcessStartInfo("promtool", ["check", "metrics"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var promtool = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start");
            var stdout = promtool.StandardOutput.ReadToEndAsync();
            var stderr = promtool.StandardError.ReadToEndAsync();
            await using (var input = File.OpenRead(file)) await input.CopyToAsync(promtool.StandardInput.BaseStream);
            promtool.StandardInput.Close();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await promtool.WaitForExitAsync(deadline.Token);
            return new(promtool.ExitCode, await stderr + await stdout);
        }
    }
}
