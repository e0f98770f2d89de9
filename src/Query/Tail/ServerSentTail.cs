using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Query.Tail;

/// <summary>
/// A tail as Server-Sent Events: <c>event: line</c> with the line's JSON, <c>event: dropped</c> with
/// <c>{"count":N}</c>, and a comment every 15 s so proxies and clients see a quiet tail is still alive.
/// </summary>
public static class ServerSentTail
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(HttpContext context, TailSubscription subscription, CancellationToken stopping)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx would otherwise hold events back
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // Headers go out now: once the client has them, the tail is subscribed and no later line is missed.
        await response.StartAsync(stopping);
        await response.BodyWriter.FlushAsync(stopping);

        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body);
        using var heartbeat = new PeriodicTimer(Heartbeat);
        var tick = heartbeat.WaitForNextTickAsync(stopping).AsTask();
        var ready = subscription.WaitToReadAsync(stopping).AsTask();
        while (true)
        {
            if (await Task.WhenAny(ready, tick) == tick)
            {
                await tick; // throws once stopping is cancelled
                body.Write(": keep-alive\n\n"u8);
                if ((await body.FlushAsync(stopping)).IsCompleted) return;
                tick = heartbeat.WaitForNextTickAsync(stopping).AsTask();
                continue;
            }
            if (!await ready) return;
            while (subscription.TryRead(out var entry))
            {
                Write(body, json, entry);
                // Flushing each event also waits while the client lags, so a slow client fills its tail's buffer, not ours.
                if ((await body.FlushAsync(stopping)).IsCompleted) return;
            }
            ready = subscription.WaitToReadAsync(stopping).AsTask();
        }
    }

    static void Write(PipeWriter body, Utf8JsonWriter json, TailEntry entry)
    {
        body.Write(entry.IsDropNotice ? "event: dropped\ndata: "u8 : "event: line\ndata: "u8);
        json.Reset(body);
        if (entry.IsDropNotice) TailJson.WriteDropped(json, entry.Dropped, withType: false);
        else TailJson.WriteLine(json, entry.Line!);
        json.Flush();
        body.Write("\n\n"u8);
    }
}
