using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace Query.Tail;

/// <summary>
/// A tail over a WebSocket: one JSON text message per line, <c>{"type":"dropped","count":N}</c> for lines missed.
/// The tail ends when the client closes (messages it sends are ignored), when the connection breaks, or when the
/// service stops, which closes with the handshake.
/// </summary>
public static class WebSocketTail
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(HttpContext context, TailSubscription subscription, CancellationToken stopping)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { KeepAliveInterval = KeepAlive });
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        // Receiving is cancelled only with the connection: cancelling a receive aborts the socket, with no close handshake.
        var receiving = ReceiveUntilClosedAsync(socket, ending, context.RequestAborted);
        try
        {
            await SendAsync(socket, subscription, ending.Token);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested)
        {
            // The client closed or went away: a send cancelled midway has aborted the socket, nothing more to say.
        }
        catch (WebSocketException)
        {
            // The connection broke mid-send; the receive loop sees the same and ends.
        }
        if (await Task.WhenAny(receiving, Task.Delay(CloseHandshake, CancellationToken.None)) != receiving) socket.Abort();
        await receiving;
    }

    static async Task SendAsync(WebSocket socket, TailSubscription subscription, CancellationToken ending)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        await using var json = new Utf8JsonWriter(buffer);
        try
        {
            await foreach (var entry in subscription.ReadAllAsync(ending))
            {
                buffer.ResetWrittenCount();
                json.Reset(buffer);
                if (entry.IsDropNotice) TailJson.WriteDropped(json, entry.Dropped, withType: true);
                else TailJson.WriteLine(json, entry.Line!);
                json.Flush();
                await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, ending);
            }
        }
        catch (OperationCanceledException) when (ending.IsCancellationRequested && socket.State != WebSocketState.Aborted)
        {
            // Cancelled while waiting for a line (not mid-send): the socket is intact, so the caller can close it properly.
        }
    }

    /// <summary>Reads (and ignores) what the client sends until it closes or the connection breaks, then ends the tail.</summary>
    static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource ending, CancellationToken connectionLost)
    {
        var buffer = new byte[512];
        try
        {
            while ((await socket.ReceiveAsync(buffer, connectionLost)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The client vanished without a close handshake (or the socket was aborted): the tail is over all the same.
        }
        finally
        {
            await ending.CancelAsync();
        }
    }
}
