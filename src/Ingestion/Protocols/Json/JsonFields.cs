using System.Buffers;
using System.Text;
using System.Text.Json;
using Contracts.Logs;

namespace Ingestion.Protocols.Json;

/// <summary>
/// Reads values off a <see cref="Utf8JsonReader"/> the way every JSON intake protocol needs: strings unescaped without
/// failing on invalid UTF-8, short repeating strings shared, and objects flattened to dotted keys (the attribute rules
/// documented on <see cref="LogRecord"/>). One instance per parse; it owns two pooled scratch buffers.
/// </summary>
sealed class JsonFields : IDisposable
{
    byte[] _scratch = ArrayPool<byte>.Shared.Rent(4096);
    byte[] _key = ArrayPool<byte>.Shared.Rent(256);
    int _keyLength;

    public Utf8StringCache Cache { get; } = Utf8StringCache.Current;

    /// <summary>The unescaped UTF-8 of the current String or PropertyName token. Valid until the next call.</summary>
    public ReadOnlySpan<byte> Utf8(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        var escaped = reader.ValueSpan;
        if (_scratch.Length < escaped.Length) Regrow(ref _scratch, escaped.Length, 0);
        return _scratch.AsSpan(0, JsonEscapes.Unescape(escaped, _scratch));
    }

    public string String(ref Utf8JsonReader reader) => LogText.FromUtf8(Utf8(ref reader));

    public string CachedString(ref Utf8JsonReader reader) => Cache.Get(Utf8(ref reader));

    /// <summary>Any scalar as text (strings unescaped, numbers as spelled); <c>null</c> for JSON null, objects and arrays.</summary>
    public string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => String(ref reader),
        JsonTokenType.Number => LogText.FromUtf8(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>
    /// Flattens the value the reader is on (then leaves the reader on its last token) into <paramref name="sink"/>,
    /// each leaf keyed by <paramref name="prefix"/> plus its dotted path inside the value.
    /// </summary>
    /// <param name="source">The bytes the reader reads, to slice arrays' JSON text from.</param>
    public void Flatten(ReadOnlySpan<byte> source, ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> prefix, IFieldSink sink)
    {
        _keyLength = 0;
        AppendKey(prefix);
        FlattenValue(source, ref reader, sink);
    }

    void FlattenValue(ReadOnlySpan<byte> source, ref Utf8JsonReader reader, IFieldSink sink)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var parentLength = _keyLength;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (_keyLength > 0) AppendKey("."u8);
                    AppendKey(Utf8(ref reader));
                    reader.Read();
                    FlattenValue(source, ref reader, sink);
                    _keyLength = parentLength;
                }
                break;
            case JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                sink.Field(CurrentKey(), JsonCompact.ToText(source[start..(int)reader.BytesConsumed]), JsonTokenType.StartArray);
                break;
            case JsonTokenType.Null:
                break;
            default:
                var key = CurrentKey();
                sink.Field(key, Text(ref reader)!, reader.TokenType);
                break;
        }
    }

    string CurrentKey() => Cache.Get(_key.AsSpan(0, _keyLength));

    void AppendKey(ReadOnlySpan<byte> segment)
    {
        if (_key.Length < _keyLength + segment.Length) Regrow(ref _key, _keyLength + segment.Length, _keyLength);
        segment.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += segment.Length;
    }

    static void Regrow(ref byte[] buffer, int needed, int keep)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, keep).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_scratch);
        ArrayPool<byte>.Shared.Return(_key);
        _scratch = _key = [];
    }
}
