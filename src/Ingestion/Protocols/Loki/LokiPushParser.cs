namespace Ingestion.Protocols.Loki;

/// <summary>
/// Loki <c>POST /loki/api/v1/push</c>, in either of its encodings: snappy-compressed protobuf
/// (<c>application/x-protobuf</c>, what Promtail, Grafana Alloy and the Loki Docker driver send) or JSON.
/// </summary>
public static class LokiPushParser
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, string? contentType, IngestContext context) =>
        IsProtobuf(contentType) ? ParseProtobuf(body, context) : ParseJson(body, context);

    /// <summary>The body as sent: snappy block-compressed (not framed) <c>logproto.PushRequest</c>.</summary>
    public static ParseResult ParseProtobuf(ReadOnlySpan<byte> snappyBody, IngestContext context) => LokiProtobufPush.Parse(snappyBody, context);

    public static ParseResult ParseJson(ReadOnlySpan<byte> body, IngestContext context) => LokiJsonPush.Parse(body, context);

    public static bool IsProtobuf(string? contentType) =>
        contentType is not null && contentType.Contains("protobuf", StringComparison.OrdinalIgnoreCase);
}
