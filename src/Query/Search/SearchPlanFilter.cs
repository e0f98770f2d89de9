using Contracts.Logs;
using Query.Segments;

namespace Query.Search;

/// <summary>
/// A search filter compiled once: its SQL conditions for the head and for segments (values only as parameters,
/// never spliced into the text), plus what the block indexes can check (the level, and tokens for the blooms).
/// </summary>
public sealed class SearchPlanFilter
{
    static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["level"] = "level", ["service"] = "service", ["host"] = "host", ["message"] = "message",
        ["trace_id"] = "trace_id", ["traceId"] = "trace_id", ["span_id"] = "span_id", ["spanId"] = "span_id",
        ["source"] = "source", ["event_id"] = "event_id",
    };

    // Columns whose text is in the block blooms (level, source and event_id are not).
    static readonly HashSet<string> Tokenized = ["service", "host", "message", "trace_id", "span_id"];

    readonly List<string> head = [];
    readonly List<string> segment = [];

    public SearchPlanFilter(SearchFilter filter, SqlParameters parameters)
    {
        var hashes = new List<ulong>();
        foreach (var field in filter.Fields)
        {
            if (Columns.TryGetValue(field.Field, out var column))
            {
                var value = column == "level" ? LevelName(field.Value) : field.Value;
                if (column == "level") Level = value is null ? -1 : (int)Enum.Parse<Contracts.Logs.LogLevel>(value, ignoreCase: true);
                var parameter = parameters.Add(value ?? "");
                head.Add($"{column} = {parameter}");
                segment.Add($"{column} = {parameter}");
                if (Tokenized.Contains(column)) hashes.AddRange(Tokens.HashesOf(field.Value));
            }
            else
            {
                head.Add($"json_extract_string(attributes, {parameters.Add(JsonPointer(field.Field))}) = {parameters.Add(field.Value)}");
                segment.Add($"attributes[{parameters.Add(field.Field)}] = {parameters.Add(field.Value)}");
                hashes.AddRange(Tokens.HashesOf(field.Value));
            }
        }
        foreach (var text in filter.Texts)
        {
            var pattern = parameters.Add(TextPattern.For(text));
            head.Add($"regexp_matches(message, {pattern})");
            segment.Add($"regexp_matches(message, {pattern})");
            hashes.AddRange(Tokens.HashesOf(text));
        }
        TokenHashes = [.. hashes.Distinct()];
    }

    /// <summary>The wanted level (0–5), -1 for a level name that matches nothing, null when any level will do.</summary>
    public int? Level { get; }
    public ulong[] TokenHashes { get; }
    public string HeadConditions => string.Concat(head.Select(c => " AND " + c));
    public string SegmentConditions => string.Concat(segment.Select(c => " AND " + c));

    static string? LevelName(string text) => LogLevels.TryNormalize(text.AsSpan(), out var level) ? level.ToString().ToLowerInvariant() : null;

    /// <summary>RFC 6901: '~' and '/' in a key are escaped, so a dotted key like "http.status" is one key.</summary>
    static string JsonPointer(string key) => "/" + key.Replace("~", "~0").Replace("/", "~1");
}
