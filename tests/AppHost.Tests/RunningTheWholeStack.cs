using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.DevHosting.Processes;
using TestInfrastructure;

namespace AppHost.Tests;

public sealed class RunningTheWholeStack
{
    static readonly string[] Services = ["tenancy", "ingestion", "query", "processing"];
    static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task brings_every_service_up_ready_and_stops_without_leaving_a_process_behind()
    {
        await using var host = await RunningAppHost.StartAsync();

        foreach (var service in Services)
        {
            using var ready = await Http.GetAsync($"{host.Endpoints[service]}/health/ready");
            var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
            ready.StatusCode.ShouldBe(HttpStatusCode.OK, $"{service}: {report}");
            report.GetProperty("checks").EnumerateObject().ShouldNotBeEmpty($"{service} checks its dependencies");
            foreach (var check in report.GetProperty("checks").EnumerateObject())
                check.Value.GetProperty("status").GetString().ShouldBe("Healthy", $"{service} → {check.Name}");

            (await Http.GetAsync($"{host.Endpoints[service]}/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await Http.GetAsync($"{host.Endpoints[service]}/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var resources = await host.ResourcesAsync();
        resources.Select(r => r.GetProperty("name").GetString()).ShouldBe(
            ["postgres", "redis", "kafka", "blob", "tenancy", "ingestion", "query", "processing"], ignoreOrder: true);
        resources.ShouldAllBe(r => r.GetProperty("state").GetString() == "Running");

        await ALogLineGoesFromIngestionToSearchAsync(host);

        var children = ProcessTree.DescendantsOf(host.Process.Pid);
        children.Count.ShouldBeGreaterThanOrEqualTo(7, "postgres, redis, azurite and four services run as children");

        var stopwatch = Stopwatch.StartNew();
        await host.Process.StopAsync(Signals.Term, TimeSpan.FromSeconds(30));
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15), "Ctrl+C or SIGTERM stops everything within 15 s");
        host.Process.ExitCode.ShouldBe(0, host.Output);
        await Eventually.Until(() => !children.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(5), "every child has exited");
    }

    static async Task ALogLineGoesFromIngestionToSearchAsync(RunningAppHost host)
    {
        var tenant = "apphost-" + Guid.NewGuid().ToString("N")[..8];
        using var onboarded = await Http.PostAsJsonAsync($"{host.Endpoints["tenancy"]}/api/v1/tenants",
            new { tenantId = tenant, displayName = "AppHost test", adminEmail = "ops@example.com", plan = "standard" });
        onboarded.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await onboarded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adminKey").GetProperty("secret").GetString();
        var token = "apphost" + Guid.NewGuid().ToString("N")[..8];

        await Eventually.Until(async () =>
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, $"{host.Endpoints["ingestion"]}/api/v1/logs")
            {
                Content = JsonContent.Create(new[] { new { level = "error", service = "api", message = $"timeout {token}" } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await Http.SendAsync(post);
            return response.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(20), "ingestion accepts the new tenant's key");
        await Eventually.Until(async () =>
        {
            using var search = new HttpRequestMessage(HttpMethod.Get, $"{host.Endpoints["query"]}/api/v1/logs/search?level=error&q={token}");
            search.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            using var response = await Http.SendAsync(search);
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32() >= 1;
        }, TimeSpan.FromSeconds(20), "the line is found through the query API");
    }

    [Fact]
    public async Task every_service_exposes_metrics_that_pass_promtool()
    {
        await using var host = await RunningAppHost.StartAsync();

        foreach (var service in Services)
        {
            // A request first, so ASP.NET Core's request histograms have series to show.
            await Http.GetAsync($"{host.Endpoints[service]}/health/ready");
            var metrics = await Http.GetStringAsync($"{host.Endpoints[service]}/metrics");
            metrics.ShouldContain("http_server_request_duration_seconds_bucket");
            metrics.ShouldContain("dotnet_gc_collections_total");

            var (exitCode, output) = await PromtoolCheckAsync(metrics);
            exitCode.ShouldBe(0, $"{service}: promtool check metrics said:\n{output}");
        }
    }

    [Fact]
    public async Task no_child_outlives_an_apphost_killed_with_sigkill()
    {
        await using var host = await RunningAppHost.StartAsync();
        var children = ProcessTree.DescendantsOf(host.Process.Pid);
        children.ShouldNotBeEmpty();

        await host.Process.StopAsync(Signals.Kill, TimeSpan.FromSeconds(5));

        await Eventually.Until(() => !children.Any(ProcessTree.IsAlive), TimeSpan.FromSeconds(10),
            "the kernel has killed every child: " + string.Join("; ", children.Where(ProcessTree.IsAlive).Select(ProcessTree.Describe)));
    }

    static async Task<(int ExitCode, string Output)> PromtoolCheckAsync(string metrics)
    {
        using var promtool = Process.Start(new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await promtool.StandardInput.WriteAsync(metrics);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        return (promtool.ExitCode, output);
    }
}
