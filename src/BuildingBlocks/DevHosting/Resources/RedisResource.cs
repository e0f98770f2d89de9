using System.Net.Sockets;
using System.Text;
using BuildingBlocks.DevHosting.Processes;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>redis-server from Debian's packages; its data is a cache and rate-limit state, so it is not persisted.</summary>
public sealed class RedisResource(string name, int port) : Resource(name, port)
{
    protected override string LocalConnectionString => $"127.0.0.1:{Port}";

    protected override async Task LaunchAsync(ResourceContext context, CancellationToken ct)
    {
        var data = context.DataDirectory(Name);
        Directory.CreateDirectory(data);
        Process = await ChildProcess.StartAsync(new ChildProcessSpec(Name, "/usr/bin/redis-server",
            ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", data]), Log!);
    }

    protected override Task WaitUntilReadyAsync(CancellationToken ct) => PollUntilAsync(async token =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, token);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), token);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, token);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }, TimeSpan.FromSeconds(30), ct);
}
