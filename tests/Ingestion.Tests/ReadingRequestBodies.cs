using System.IO.Compression;
using Ingestion.Protocols;

namespace Ingestion.Tests;

public sealed class ReadingRequestBodies
{
    static readonly byte[] Body = Requests.Utf8(string.Concat(Enumerable.Repeat("{\"message\":\"hello\"}\n", 100)));

    static Task<RequestBodyBuffer> Read(byte[] wire, string? encoding, long maxCompressed = 1 << 20, long maxDecompressed = 1 << 20) =>
        RequestBody.ReadAsync(new MemoryStream(wire), encoding, maxCompressed, maxDecompressed, CancellationToken.None);

    static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output)) stream.Write(body);
        return output.ToArray();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("identity")]
    public async Task reads_an_uncompressed_body_as_it_is(string? encoding)
    {
        using var body = await Read(Body, encoding);
        body.Span.ToArray().ShouldBe(Body);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("GZIP")]
    public async Task inflates_gzip(string encoding)
    {
        using var body = await Read(Requests.Gzip(Body), encoding);
        body.Span.ToArray().ShouldBe(Body);
    }

    [Fact]
    public async Task inflates_zlib_wrapped_deflate()
    {
        using var body = await Read(Compress(Body, s => new ZLibStream(s, CompressionLevel.Fastest)), "deflate");
        body.Span.ToArray().ShouldBe(Body);
    }

    [Fact]
    public async Task inflates_raw_deflate_sent_as_deflate()
    {
        using var body = await Read(Compress(Body, s => new DeflateStream(s, CompressionLevel.Fastest)), "deflate");
        body.Span.ToArray().ShouldBe(Body);
    }

    [Fact]
    public async Task decodes_brotli()
    {
        using var body = await Read(Compress(Body, s => new BrotliStream(s, CompressionLevel.Fastest)), "br");
        body.Span.ToArray().ShouldBe(Body);
    }

    [Fact]
    public async Task stops_a_decompression_bomb_at_the_decompressed_limit()
    {
        var bomb = Compress(new byte[64 * 1024 * 1024], s => new GZipStream(s, CompressionLevel.SmallestSize));
        bomb.Length.ShouldBeLessThan(1 << 20); // well inside the wire limit: only the decompressed size gives it away

        var error = await Should.ThrowAsync<BodyTooLargeException>(() => Read(bomb, "gzip", maxCompressed: 1 << 20, maxDecompressed: 1 << 20));

        error.Limit.ShouldBe(BodyLimit.Decompressed);
        error.LimitBytes.ShouldBe(1 << 20);
        error.Message.ShouldContain("decompressed");
    }

    [Fact]
    public async Task refuses_more_bytes_on_the_wire_than_the_compressed_limit()
    {
        var wire = Requests.Gzip(Body);

        var error = await Should.ThrowAsync<BodyTooLargeException>(() => Read(wire, "gzip", maxCompressed: wire.Length - 1));

        error.Limit.ShouldBe(BodyLimit.Compressed);
    }

    [Fact]
    public async Task accepts_a_body_of_exactly_the_limits()
    {
        var wire = Requests.Gzip(Body);
        using var body = await Read(wire, "gzip", maxCompressed: wire.Length, maxDecompressed: Body.Length);
        body.Length.ShouldBe(Body.Length);
    }

    [Fact]
    public async Task reads_with_the_largest_possible_limits()
    {
        using var body = await Read(Requests.Gzip(Body), "gzip", long.MaxValue, long.MaxValue);
        body.Length.ShouldBe(Body.Length);
    }

    [Fact]
    public async Task applies_both_limits_to_an_uncompressed_body()
    {
        (await Should.ThrowAsync<BodyTooLargeException>(() => Read(Body, null, maxCompressed: 10))).Limit.ShouldBe(BodyLimit.Compressed);
        (await Should.ThrowAsync<BodyTooLargeException>(() => Read(Body, null, maxDecompressed: 10))).Limit.ShouldBe(BodyLimit.Decompressed);
    }

    [Fact]
    public async Task refuses_an_unknown_encoding()
    {
        var error = await Should.ThrowAsync<UnsupportedContentEncodingException>(() => Read(Body, "zstd"));
        error.Encoding.ShouldBe("zstd");
    }

    [Fact]
    public async Task reports_corrupt_gzip_as_a_corrupt_body()
    {
        var wire = Requests.Gzip(Body);
        wire[wire.Length / 2] ^= 0xFF;
        wire[wire.Length / 2 + 1] ^= 0xFF;

        await Should.ThrowAsync<CorruptBodyException>(() => Read(wire, "gzip"));
    }

    [Fact]
    public async Task gives_the_buffer_back_once_disposed()
    {
        var body = await Read(Body, null);
        body.Dispose();
        Should.Throw<ObjectDisposedException>(() => body.Memory);
    }
}
