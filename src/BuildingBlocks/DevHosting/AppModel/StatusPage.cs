using System.Net;
using System.Text;
using BuildingBlocks.DevHosting.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BuildingBlocks.DevHosting.AppModel;

/// <summary>GET / (HTML, refreshes itself) and GET /api/resources (JSON): state, pid, port, health and last log lines.</summary>
static class StatusPage
{
    static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(1) };

    public static void MapStatusPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/resources", async (Orchestrator orchestrator) => Results.Json(await DescribeAsync(orchestrator)));
        app.MapGet("/", async (Orchestrator orchestrator, DistributedApplication stack) =>
            Results.Content(Html(await DescribeAsync(orchestrator), stack.Secrets), "text/html; charset=utf-8"));
    }

    public sealed record ResourceStatus(string Name, string Kind, string State, int? Pid, int? Port, string? Url,
        string Address, string Health, string? Error, IReadOnlyList<string> RecentLog);

    static async Task<ResourceStatus[]> DescribeAsync(Orchestrator orchestrator) =>
        await Task.WhenAll(orchestrator.Resources.Select(async r => new ResourceStatus(
            r.Name, r.GetType().Name.Replace("Resource", "").ToLowerInvariant(), r.State.ToString(), r.Process?.Pid,
            r.Port == 0 ? null : r.Port, r.Url, r.ConnectionStringForDisplay(), await HealthAsync(r), r.Error, r.Log?.Recent(10) ?? [])));

    static async Task<string> HealthAsync(Resource resource)
    {
        if (resource is not ProjectResource { State: ResourceState.Running } project)
            return resource.State switch
            {
                ResourceState.Running or ResourceState.External => "healthy",
                ResourceState.Pending or ResourceState.Starting => "starting",
                _ => "unhealthy",
            };
        try
        {
            using var response = await Probe.GetAsync($"{project.Url}/health/ready");
            return response.IsSuccessStatusCode ? "healthy" : $"unhealthy ({(int)response.StatusCode})";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "unreachable";
        }
    }

    static string Html(IEnumerable<ResourceStatus> resources, IReadOnlyDictionary<string, string> secrets)
    {
        var html = new StringBuilder("""
            <!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3"><title>Platform · local stack</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:.4em .8em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
            pre{margin:0;font-size:12px;max-width:70em;white-space:pre-wrap}.healthy{color:#080}.unhealthy,.unreachable{color:#b00}</style></head>
            <body><h1>Local stack</h1><table><tr><th>resource</th><th>state</th><th>health</th><th>pid</th><th>port</th><th>address</th><th>last log lines</th></tr>
            """);
        foreach (var r in resources)
        {
            var address = r.Url is null ? E(r.Address) : $"<a href=\"{E(r.Url)}\">{E(r.Url)}</a>";
            html.Append($"<tr><td>{E(r.Name)}</td><td>{E(r.State)}</td><td class=\"{E(r.Health.Split(' ')[0])}\">{E(r.Health)}</td>")
                .Append($"<td>{r.Pid}</td><td>{r.Port}</td><td>{address}</td><td><pre>{E(string.Join('\n', r.RecentLog.TakeLast(5)))}</pre></td></tr>");
        }
        html.Append("</table><h2>Secrets</h2><table>");
        foreach (var (name, value) in secrets) html.Append($"<tr><td>{E(name)}</td><td><code>{E(value)}</code></td></tr>");
        return html.Append("</table><p><a href=\"/api/resources\">/api/resources</a></p></body></html>").ToString();
    }

    static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
