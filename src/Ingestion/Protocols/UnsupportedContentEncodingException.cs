namespace Ingestion.Protocols;

/// <summary>The Content-Encoding of a request is not one intake can decode (answer 415).</summary>
public sealed class UnsupportedContentEncodingException(string encoding)
    : Exception($"Content-Encoding '{encoding}' is not supported; use gzip, deflate, br or identity")
{
    public string Encoding { get; } = encoding;
}
