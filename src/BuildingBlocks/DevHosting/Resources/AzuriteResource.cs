using BuildingBlocks.DevHosting.Processes;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>Azurite's blob service from npm (installed into .platform/tools by the setup script).</summary>
public sealed class AzuriteResource(string name, int port) : Resource(name, port)
{
    public const string Account = "devstoreaccount1";
    /// <summary>Azurite's published development key: not a secret.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    protected override string LocalConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{Account};";

    public override string? Url => $"http://127.0.0.1:{Port}/{Account}";

    protected override async Task LaunchAsync(ResourceContext context, CancellationToken ct)
    {
        var script = Path.Combine(context.ToolsDirectory, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(script)) throw new MissingBinaryException(Name, script);
        var data = context.DataDirectory(Name);
        Directory.CreateDirectory(data);
        Process = await ChildProcess.StartAsync(new ChildProcessSpec(Name, NodeBinary(),
            [script, "--blobHost", "127.0.0.1", "--blobPort", Port.ToString(), "--location", data, "--skipApiVersionCheck", "--loose"]), Log!);
    }

    protected override Task WaitUntilReadyAsync(CancellationToken ct) => PollUntilAsync(async token =>
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var response = await http.GetAsync($"{Url}?comp=list", token);
        return (int)response.StatusCode < 500;
    }, TimeSpan.FromSeconds(60), ct);

    static string NodeBinary() =>
        new[] { "/usr/bin/node", "/usr/local/bin/node" }.FirstOrDefault(File.Exists)
        ?? throw new MissingBinaryException("blob", "node");
}
