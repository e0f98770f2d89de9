using System.Buffers;
using System.IO.Compression;

namespace Ingestion.Protocols;

/// <summary>
/// Reads a request body into one pooled buffer, undoing its Content-Encoding, without ever holding more than the
/// limits allow: a small gzip body that inflates to gigabytes (a decompression bomb) stops at the decompressed limit.
/// </summary>
public static class RequestBody
{
    const int InitialBufferSize = 16 * 1024;

    /// <param name="contentEncoding">The Content-Encoding header: <c>gzip</c>, <c>x-gzip</c>, <c>deflate</c> (zlib-wrapped
    /// or raw, both are seen in the wild), <c>br</c>, <c>identity</c>, or empty.</param>
    /// <param name="maxCompressed">Most bytes to read from <paramref name="body"/> (the bytes on the wire).</param>
    /// <param name="maxDecompressed">Most bytes the decoded body may have.</param>
    /// <exception cref="BodyTooLargeException">One of the limits was reached; says which.</exception>
    /// <exception cref="UnsupportedContentEncodingException">The encoding is not one of the above (answer 415).</exception>
    /// <exception cref="CorruptBodyException">The compressed stream is not valid for its encoding (answer 400).</exception>
    public static async Task<RequestBodyBuffer> ReadAsync(Stream body, string? contentEncoding, long maxCompressed, long maxDecompressed,
        CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCompressed);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecompressed);
        var wire = new LimitedReadStream(body, maxCompressed);
        var encoding = contentEncoding?.Trim() ?? "";
        var identity = encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase);
        Stream? decoder = identity ? null : await OpenDecoderAsync(wire, encoding, ct);
        try
        {
            return await ReadAllAsync(decoder ?? wire, maxDecompressed, ct);
        }
        catch (InvalidDataException e)
        {
            throw new CorruptBodyException($"the body is not valid {encoding} data: {e.Message}", e);
        }
        finally
        {
            if (decoder is not null) await decoder.DisposeAsync();
        }
    }

    static async Task<Stream> OpenDecoderAsync(LimitedReadStream wire, string encoding, CancellationToken ct)
    {
        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            return new GZipStream(wire, CompressionMode.Decompress, leaveOpen: true);
        if (encoding.Equals("br", StringComparison.OrdinalIgnoreCase))
            return new BrotliStream(wire, CompressionMode.Decompress, leaveOpen: true);
        if (!encoding.Equals("deflate", StringComparison.OrdinalIgnoreCase))
            throw new UnsupportedContentEncodingException(encoding);

        // RFC 9110 says "deflate" is zlib-wrapped, but some clients send a raw deflate stream: the zlib header tells them apart.
        var header = await wire.PeekAsync(2, ct);
        // zlib: compression method 8 with a window of at most 32 KiB, and a header checksum that is a multiple of 31.
        var zlib = header.Length == 2 && (header[0] & 0x0F) == 8 && header[0] >> 4 <= 7 && ((header[0] << 8) | header[1]) % 31 == 0;
        return zlib ? new ZLibStream(wire, CompressionMode.Decompress, leaveOpen: true) : new DeflateStream(wire, CompressionMode.Decompress, leaveOpen: true);
    }

    static async Task<RequestBodyBuffer> ReadAllAsync(Stream source, long maxDecompressed, CancellationToken ct)
    {
        var limit = (int)Math.Min(maxDecompressed, Array.MaxLength - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length) buffer = Grow(buffer, length, limit);
                // Reading one byte past the limit is how an exactly-at-limit body is told apart from a larger one.
                var read = await source.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), ct);
                if (read == 0) return new RequestBodyBuffer(buffer, length);
                length += read;
                if (length > limit) throw new BodyTooLargeException(BodyLimit.Decompressed, maxDecompressed);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    static byte[] Grow(byte[] buffer, int length, int limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
