using Contracts.Logs;

namespace Ingestion.Protocols.Json;

/// <summary>An array attribute's JSON text without the insignificant whitespace a pretty-printing sender put in.</summary>
static class JsonCompact
{
    public static string ToText(ReadOnlySpan<byte> json)
    {
        if (json.IndexOfAny(" \t\r\n"u8) < 0) return LogText.FromUtf8(json);

        Span<byte> compact = json.Length <= 1024 ? stackalloc byte[json.Length] : new byte[json.Length];
        var length = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                compact[length++] = b;
                if (b == '\\') compact[length++] = json[++i];
                else if (b == '"') inString = false;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                compact[length++] = b;
                inString = b == '"';
            }
        }
        return LogText.FromUtf8(compact[..length]);
    }
}
