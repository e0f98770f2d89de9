using System.Text.Json;
using Ingestion.Protocols.Json;

namespace Ingestion.Protocols.Elasticsearch;

/// <summary>One action/metadata line of a _bulk body: <c>{"create": {"_index": "logs", "_id": "1"}}</c>.</summary>
readonly record struct BulkActionLine(BulkAction Action, string? Index, string? Id)
{
    /// <summary>Reads the line, or says why it is not an action line (which makes the whole request invalid, as in
    /// Elasticsearch, because without the action it is unknown whether a document line follows).</summary>
    public static bool TryRead(ReadOnlySpan<byte> line, int lineNumber, JsonFields fields, out BulkActionLine action, out string error)
    {
        action = default;
        error = "";
        try
        {
            var reader = new Utf8JsonReader(line);
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                error = $"Malformed action/metadata line [{lineNumber}], expected an object with one of [create, index, delete, update]";
                return false;
            }
            BulkAction? kind = reader.ValueTextEquals("create"u8) ? BulkAction.Create
                : reader.ValueTextEquals("index"u8) ? BulkAction.Index
                : reader.ValueTextEquals("delete"u8) ? BulkAction.Delete
                : reader.ValueTextEquals("update"u8) ? BulkAction.Update
                : null;
            if (kind is null)
            {
                error = $"Malformed action/metadata line [{lineNumber}], expected one of [create, delete, index, update] but found [{fields.String(ref reader)}]";
                return false;
            }
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                error = $"Malformed action/metadata line [{lineNumber}], expected START_OBJECT after the action name";
                return false;
            }
            string? index = null, id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isIndex = reader.ValueTextEquals("_index"u8);
                var isId = reader.ValueTextEquals("_id"u8);
                reader.Read();
                if (isIndex) index = fields.Text(ref reader);
                else if (isId) id = fields.Text(ref reader);
                else reader.Skip(); // routing, pipeline, require_alias, version…: meaningless for log intake
            }
            reader.Read(); // the outer EndObject
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = $"Malformed action/metadata line [{lineNumber}], expected a single action";
                return false;
            }
            action = new BulkActionLine(kind.Value, index, id);
            return true;
        }
        catch (JsonException e)
        {
            error = $"Malformed action/metadata line [{lineNumber}]: {e.Message}";
            return false;
        }
    }
}
