using System.Buffers;
using System.Text.Json;

namespace Ingestion.Protocols.Elasticsearch;

/// <summary>
/// Writes the JSON bodies Elasticsearch answers a _bulk request with, which agents read item by item to decide what to
/// retry: <c>{"took", "errors", "items": [{"create": {"_index", "_id", "_version", "result", "_shards", "_seq_no",
/// "_primary_term", "status"}}]}</c>, with <c>{"status", "error": {"type", "reason"}}</c> for failed items.
/// </summary>
public static class BulkResponseWriter
{
    static readonly JsonEncodedText Took = JsonEncodedText.Encode("took"), Errors = JsonEncodedText.Encode("errors"),
        Items = JsonEncodedText.Encode("items"), IndexName = JsonEncodedText.Encode("_index"), Id = JsonEncodedText.Encode("_id"),
        Version = JsonEncodedText.Encode("_version"), Result = JsonEncodedText.Encode("result"), Created = JsonEncodedText.Encode("created"),
        Shards = JsonEncodedText.Encode("_shards"), Total = JsonEncodedText.Encode("total"), Successful = JsonEncodedText.Encode("successful"),
        Failed = JsonEncodedText.Encode("failed"), SeqNo = JsonEncodedText.Encode("_seq_no"), PrimaryTerm = JsonEncodedText.Encode("_primary_term"),
        Status = JsonEncodedText.Encode("status"), Error = JsonEncodedText.Encode("error"), Type = JsonEncodedText.Encode("type"),
        Reason = JsonEncodedText.Encode("reason"), RootCause = JsonEncodedText.Encode("root_cause");

    /// <summary>The response to a request that was read (HTTP 200, even when some items failed).</summary>
    /// <param name="items">The parser's items, with whatever outcome the endpoint settled on (for instance 429s).</param>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<BulkItem> items, long tookMilliseconds)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber(Took, tookMilliseconds);
        json.WriteBoolean(Errors, items.Any(item => !item.Succeeded));
        json.WriteStartArray(Items);
        for (var i = 0; i < items.Count; i++) WriteItem(json, items[i], i);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The response to a request that could not be read at all (send with <paramref name="status"/>, normally 400).</summary>
    public static void WriteError(IBufferWriter<byte> output, string type, string reason, int status = 400)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject(Error);
        json.WriteStartArray(RootCause);
        json.WriteStartObject();
        json.WriteString(Type, type);
        json.WriteString(Reason, reason);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString(Type, type);
        json.WriteString(Reason, reason);
        json.WriteEndObject();
        json.WriteNumber(Status, status);
        json.WriteEndObject();
    }

    static void WriteItem(Utf8JsonWriter json, BulkItem item, int sequence)
    {
        json.WriteStartObject();
        json.WriteStartObject(ActionName(item.Action));
        if (item.Index is null) json.WriteNull(IndexName);
        else json.WriteString(IndexName, item.Index);
        json.WriteString(Id, item.Id);
        if (item.Succeeded)
        {
            json.WriteNumber(Version, 1);
            json.WriteString(Result, Created);
            json.WriteStartObject(Shards);
            json.WriteNumber(Total, 1);
            json.WriteNumber(Successful, 1);
            json.WriteNumber(Failed, 0);
            json.WriteEndObject();
            json.WriteNumber(SeqNo, sequence);
            json.WriteNumber(PrimaryTerm, 1);
            json.WriteNumber(Status, item.Status);
        }
        else
        {
            json.WriteNumber(Status, item.Status);
            json.WriteStartObject(Error);
            json.WriteString(Type, item.Error?.Type ?? "exception");
            json.WriteString(Reason, item.Error?.Reason ?? "");
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    static string ActionName(BulkAction action) => action switch
    {
        BulkAction.Create => "create",
        BulkAction.Index => "index",
        BulkAction.Delete => "delete",
        _ => "update",
    };
}
