using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Contracts.Logs;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Protocols.Otlp;

/// <summary>
/// OTLP <see cref="AnyValue"/>s as text, following the attribute rules on <see cref="LogRecord"/>: key-value lists
/// flatten to dotted keys, arrays become their JSON text, bytes become base64, empty values are dropped.
/// </summary>
static class AnyValues
{
    public static void Flatten(string key, AnyValue? value, AttributeMapBuilder into)
    {
        if (value is null) return;
        if (value.ValueCase == AnyValue.ValueOneofCase.KvlistValue)
        {
            foreach (var pair in value.KvlistValue.Values) Flatten(key + "." + LogText.Clean(pair.Key), pair.Value, into);
            return;
        }
        if (Text(value) is { } text) into.Set(key, text);
    }

    /// <summary>A body or scalar attribute as text: strings as they are, structures as JSON; null when empty.</summary>
    public static string? Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => LogText.Clean(value.StringValue),
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        AnyValue.ValueOneofCase.ArrayValue or AnyValue.ValueOneofCase.KvlistValue => Json(value),
        _ => null,
    };

    static string Json(AnyValue value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer)) Write(json, value);
        return LogText.FromUtf8(buffer.WrittenSpan);
    }

    static void Write(Utf8JsonWriter json, AnyValue? value)
    {
        switch (value?.ValueCase)
        {
            case AnyValue.ValueOneofCase.StringValue: json.WriteStringValue(value.StringValue); break;
            case AnyValue.ValueOneofCase.BoolValue: json.WriteBooleanValue(value.BoolValue); break;
            case AnyValue.ValueOneofCase.IntValue: json.WriteNumberValue(value.IntValue); break;
            case AnyValue.ValueOneofCase.DoubleValue when double.IsFinite(value.DoubleValue): json.WriteNumberValue(value.DoubleValue); break;
            case AnyValue.ValueOneofCase.DoubleValue: json.WriteStringValue(value.DoubleValue.ToString(CultureInfo.InvariantCulture)); break;
            case AnyValue.ValueOneofCase.BytesValue: json.WriteBase64StringValue(value.BytesValue.Span); break;
            case AnyValue.ValueOneofCase.ArrayValue:
                json.WriteStartArray();
                foreach (var item in value.ArrayValue.Values) Write(json, item);
                json.WriteEndArray();
                break;
            case AnyValue.ValueOneofCase.KvlistValue:
                json.WriteStartObject();
                foreach (var pair in value.KvlistValue.Values)
                {
                    json.WritePropertyName(pair.Key);
                    Write(json, pair.Value);
                }
                json.WriteEndObject();
                break;
            default: json.WriteNullValue(); break;
        }
    }
}
