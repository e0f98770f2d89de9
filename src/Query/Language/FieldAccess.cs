using Query.Search;

namespace Query.Language;

/// <summary>
/// How a field is read in each kind of source: a column, or an attribute (a JSON object in the head, a MAP in
/// segments). Attribute names reach DuckDB only as parameters.
/// </summary>
public sealed record FieldAccess(string Name, string Head, string Segment, bool Tokenized, bool IsLevel, bool IsTimestamp)
{
    static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["level"] = "level", ["service"] = "service", ["host"] = "host", ["message"] = "message",
        ["trace_id"] = "trace_id", ["traceId"] = "trace_id", ["span_id"] = "span_id", ["spanId"] = "span_id",
        ["source"] = "source", ["event_id"] = "event_id",
    };

    // Columns whose text is in the block blooms (level, source and event_id are not); attribute values are.
    static readonly HashSet<string> TokenizedColumns = ["service", "host", "message", "trace_id", "span_id"];

    public static FieldAccess Of(FieldRef field, SqlParameters parameters)
    {
        if (field.Name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) || field.Name == "@t")
            return new("timestamp", "ts", "epoch_ns(timestamp)", false, false, true);
        if (Columns.TryGetValue(field.Name, out var column))
            return new(column, column, column, TokenizedColumns.Contains(column), column == "level", false);
        return new(field.Name,
            $"json_extract_string(attributes, {parameters.Add(JsonPointer(field.Name))})",
            $"attributes[{parameters.Add(field.Name)}]",
            Tokenized: true, IsLevel: false, IsTimestamp: false);
    }

    /// <summary>RFC 6901: '~' and '/' in a key are escaped, so a dotted key like "http.status" stays one key.</summary>
    static string JsonPointer(string key) => "/" + key.Replace("~", "~0").Replace("/", "~1");
}
