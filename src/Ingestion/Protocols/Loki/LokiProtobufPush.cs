using Contracts.Logs;
using Google.Protobuf;
using Ingestion.Protocols.Loki.Proto;

namespace Ingestion.Protocols.Loki;

/// <summary>Loki's protobuf push: a snappy block-compressed <c>logproto.PushRequest</c>.</summary>
static class LokiProtobufPush
{
    public static ParseResult Parse(ReadOnlySpan<byte> body, IngestContext context)
    {
        PushRequest request;
        try
        {
            request = PushRequest.Parser.ParseFrom(IronSnappy.Snappy.Decode(body));
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or IOException)
        {
            return ParseResult.Malformed($"the body is not a snappy-compressed logproto.PushRequest: {e.Message}");
        }

        var builder = new ParseResultBuilder(context);
        var labels = new List<KeyValuePair<string, string>>();
        var metadata = new List<KeyValuePair<string, string>>();
        var index = 0;
        foreach (var stream in request.Streams)
        {
            labels.Clear();
            if (!LabelText.TryParse(stream.Labels, labels, out var labelError))
            {
                for (var i = 0; i < stream.Entries.Count; i++) builder.Reject(index++, $"stream labels {stream.Labels}: {labelError}");
                continue;
            }
            var shared = new LokiStream(ToMap(labels));
            foreach (var entry in stream.Entries)
            {
                metadata.Clear();
                foreach (var pair in entry.StructuredMetadata) metadata.Add(new(LogText.Clean(pair.Name), LogText.Clean(pair.Value)));
                if (entry.Timestamp is null) builder.Reject(index, $"entry {index} has no timestamp");
                else builder.Accept(index, shared.Entry(context, entry.Timestamp.Seconds * 1_000_000_000 + entry.Timestamp.Nanos, LogText.Clean(entry.Line), metadata));
                index++;
            }
        }
        return builder.Build();
    }

    static AttributeMap ToMap(List<KeyValuePair<string, string>> labels) =>
        AttributeMap.From(labels.Select(label => new KeyValuePair<string, string>(label.Key, LogText.Clean(label.Value))));
}
