using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Ingestion.Protocols.Json;
using Ingestion.Protocols.Otlp.Proto;

namespace Ingestion.Protocols.Otlp;

/// <summary>OTLP/JSON scalars: 64-bit integers as strings or numbers, hex ids, integer enums, base64 bytes.</summary>
static class OtlpJsonScalars
{
    public static bool TryUInt64(ref Utf8JsonReader reader, JsonFields fields, out ulong value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number) return reader.TryGetUInt64(out value);
        if (reader.TokenType != JsonTokenType.String) return reader.TokenType == JsonTokenType.Null;
        var digits = fields.Utf8(ref reader);
        return Utf8Parser.TryParse(digits, out value, out var used) && used == digits.Length;
    }

    public static long Int64(ref Utf8JsonReader reader, JsonFields fields)
    {
        var bytes = reader.TokenType is JsonTokenType.Number or JsonTokenType.String ? fields.Utf8(ref reader) : default;
        return Utf8Parser.TryParse(bytes, out long value, out var used) && used == bytes.Length
            ? value
            : throw new OtlpJsonException($"intValue must be a 64-bit integer at byte {reader.TokenStartIndex}");
    }

    public static double Double(ref Utf8JsonReader reader, JsonFields fields)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number)) return number;
        // Protobuf JSON spells the non-finite values as strings.
        if (reader.TokenType == JsonTokenType.String
            && double.TryParse(fields.String(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture, out number)) return number;
        throw new OtlpJsonException($"doubleValue must be a number at byte {reader.TokenStartIndex}");
    }

    public static ByteString Base64(ref Utf8JsonReader reader, JsonFields fields)
    {
        if (reader.TokenType == JsonTokenType.Null) return ByteString.Empty;
        try
        {
            return ByteString.FromBase64(fields.String(ref reader));
        }
        catch (FormatException)
        {
            throw new OtlpJsonException($"bytesValue must be base64 at byte {reader.TokenStartIndex}");
        }
    }

    /// <summary>An integer 0–24, or a string holding one (the enum's name is also understood).</summary>
    public static bool TrySeverity(ref Utf8JsonReader reader, JsonFields fields, out SeverityNumber severity)
    {
        severity = SeverityNumber.Unspecified;
        int number;
        if (reader.TokenType == JsonTokenType.Number) { if (!reader.TryGetInt32(out number)) return false; }
        else if (reader.TokenType == JsonTokenType.String)
        {
            var text = fields.String(ref reader);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
                return Enum.TryParse(text.Replace("SEVERITY_NUMBER_", "", StringComparison.Ordinal), ignoreCase: true, out severity)
                    && Enum.IsDefined(severity);
        }
        else return reader.TokenType == JsonTokenType.Null;
        if (number is < 0 or > 24) return false;
        severity = (SeverityNumber)number;
        return true;
    }

    /// <summary>A hex id of exactly <paramref name="length"/> bytes; an empty string or null is no id.</summary>
    public static bool TryHexId(ref Utf8JsonReader reader, JsonFields fields, int length, out ByteString id)
    {
        id = ByteString.Empty;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String) return false;
        var hex = fields.Utf8(ref reader);
        if (hex.IsEmpty) return true;
        if (hex.Length != length * 2) return false;
        Span<byte> bytes = stackalloc byte[length];
        if (Convert.FromHexString(hex, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != length) return false;
        id = ByteString.CopyFrom(bytes);
        return true;
    }
}
