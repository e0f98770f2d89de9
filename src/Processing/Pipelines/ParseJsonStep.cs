using System.Buffers;
using System.Text;
using System.Text.Json;
using Contracts.Logs;

namespace Processing.Pipelines;

/// <summary>
/// parse(json): the value as a JSON object, flattened into attributes the way intake flattens structured fields
/// (see <see cref="LogRecord"/>): nested keys joined with dots ("http.status"), arrays kept whole as compact JSON text,
/// scalars in their JSON spelling, nulls dropped. Keys naming well-known fields set them (see <see cref="RecordField"/>).
/// Anything but one well-formed JSON object leaves the record as it is.
/// </summary>
sealed class ParseJsonStep(string name, RecordField source) : PipelineStep(name)
{
    const int MaxKeyChars = 1024;
    static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    readonly KeyPool _keys = new();

    // A "level" key may be in the object.
    public override bool MaySetLevel => true;

    public override string? Apply(RecordDraft draft)
    {
        if (source.Get(draft) is not { } text || !text.AsSpan().TrimStart().StartsWith('{')) return null;
        var parsed = draft.Parsed;
        parsed.Clear();
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var key = ArrayPool<char>.Shared.Rent(MaxKeyChars);
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            if (!TryFlatten(utf8.AsSpan(0, length), key, parsed)) return null;
            foreach (var (field, value) in parsed) RecordField.For(field).Set(draft, value);
            return null;
        }
        finally
        {
            parsed.Clear();
            ArrayPool<char>.Shared.Return(key);
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    bool TryFlatten(ReadOnlySpan<byte> json, char[] key, List<KeyValuePair<string, string>> parsed)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            Object(json, ref reader, key, 0, parsed);
            // Trailing text after the object ("{…} tail") throws here: it is not one JSON object.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A key too long for the key buffer, or a string that is not valid UTF-16 once unescaped.
            return false;
        }
    }

    /// <summary>Reads the members of the object the reader is on, under the key prefix held in key[..prefix].</summary>
    void Object(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, char[] key, int prefix, List<KeyValuePair<string, string>> parsed)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (prefix + 1 + reader.ValueSpan.Length > key.Length) throw new InvalidOperationException("key too long");
            var length = prefix;
            if (prefix > 0) key[length++] = '.';
            length += reader.CopyString(key.AsSpan(length));
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    Object(json, ref reader, key, length, parsed);
                    break;
                case JsonTokenType.StartArray:
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    parsed.Add(new(_keys.Get(key.AsSpan(0, length)), Compact(json[start..(int)reader.BytesConsumed])));
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    parsed.Add(new(_keys.Get(key.AsSpan(0, length)), Scalar(ref reader)));
                    break;
            }
        }
    }

    static string Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => LogText.Clean(reader.GetString()!),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => Encoding.UTF8.GetString(reader.ValueSpan),
    };

    /// <summary>The JSON text without the whitespace between tokens (strings keep theirs).</summary>
    static string Compact(ReadOnlySpan<byte> json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(json.Length);
        var length = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == '\\' && i + 1 < json.Length) rented[length++] = json[i++];
                else if (b == '"') inString = false;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') continue;
            else if (b == '"') inString = true;
            rented[length++] = json[i];
        }
        var text = LogText.FromUtf8(rented.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(rented);
        return text;
    }
}
