using System.Net;
using System.Net.Sockets;
using System.Text;
using BuildingBlocks.DevHosting.Resources;

namespace Query.IntegrationTests.Archive;

/// <summary>
/// A TCP proxy in front of Azurite for one service. It forwards everything, except that it can be told to stall the
/// next request starting with a given text: that request never reaches Azurite, so a test can kill the service
/// while exactly that blob operation is in flight.
/// </summary>
public sealed class StallingProxy : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource stop = new();
    readonly Lock gate = new();
    (byte[] Marker, TaskCompletionSource Stalled)? trap;

    public StallingProxy()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public int TargetPort { get; set; }
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AzuriteResource.Account};AccountKey={AzuriteResource.AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{Port}/{AzuriteResource.Account};";

    /// <summary>Completes when a request starting with <paramref name="requestStart"/> has been caught and held.</summary>
    public Task StallNextAsync(string requestStart)
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) trap = (Encoding.ASCII.GetBytes(requestStart), stalled);
        return stalled.Task;
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = RelayAsync(client);
        }
    }

    async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, TargetPort, stop.Token);
            var upstream = PumpAsync(client.GetStream(), server.GetStream(), inspect: true);
            var downstream = PumpAsync(server.GetStream(), client.GetStream(), inspect: false);
            await Task.WhenAny(upstream, downstream);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
    }

    async Task PumpAsync(NetworkStream from, NetworkStream to, bool inspect)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, stop.Token);
            if (read == 0) return;
            if (inspect && Caught(buffer.AsSpan(0, read)))
            {
                // Hold the request (and the connection) until the service holding the other end is killed.
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
        }
    }

    bool Caught(ReadOnlySpan<byte> data)
    {
        lock (gate)
        {
            if (trap is not { } armed || !data.StartsWith(armed.Marker)) return false;
            trap = null;
            armed.Stalled.SetResult();
            return true;
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}
