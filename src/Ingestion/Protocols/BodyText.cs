namespace Ingestion.Protocols;

/// <summary>Small checks on a text body before a parser reads it.</summary>
static class BodyText
{
    /// <summary>The body without a UTF-8 byte order mark, which some Windows senders put in front and JSON readers refuse.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    /// <summary>The first byte that is not JSON whitespace, or 0 when there is none.</summary>
    public static byte FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return trimmed.IsEmpty ? (byte)0 : trimmed[0];
    }
}
