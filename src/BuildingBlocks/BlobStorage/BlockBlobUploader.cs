using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace BuildingBlocks.BlobStorage;

/// <summary>
/// Uploads block blobs: one Put Blob up to <see cref="BlockSize"/>, otherwise Put Block per 4 MiB and a final Put Block List.
/// Every body carries Content-MD5 so the service rejects anything damaged in transit, and the committed blob
/// records the MD5 of its whole content (the service cannot compute that itself for a block list).
/// </summary>
internal sealed class BlockBlobUploader(BlobConnection connection, BlobRequestSender sender)
{
    public const int BlockSize = 4 * 1024 * 1024;

    public async Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        if (content.Length <= BlockSize)
        {
            await PutWholeAsync(container, name, content, contentType, ct);
            return;
        }

        var upload = new Upload(container, name);
        for (var offset = 0; offset < content.Length; offset += BlockSize)
            await PutBlockAsync(upload, content.Slice(offset, Math.Min(BlockSize, content.Length - offset)), ct);
        await PutBlockListAsync(upload, Base64Md5(content.Span), contentType, ct);
    }

    public async Task PutAsync(string container, string name, Stream content, string contentType, CancellationToken ct)
    {
        var current = ArrayPool<byte>.Shared.Rent(BlockSize);
        var next = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            // Reading one block ahead tells a stream that fits in a single Put Blob from one that needs blocks.
            var currentLength = await FillAsync(content, current, ct);
            var nextLength = currentLength == BlockSize ? await FillAsync(content, next, ct) : 0;
            if (nextLength == 0)
            {
                await PutWholeAsync(container, name, current.AsMemory(0, currentLength), contentType, ct);
                return;
            }

            var upload = new Upload(container, name);
            using var wholeMd5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
            while (currentLength > 0)
            {
                wholeMd5.AppendData(current, 0, currentLength);
                await PutBlockAsync(upload, current.AsMemory(0, currentLength), ct);
                (current, next, currentLength) = (next, current, nextLength);
                nextLength = currentLength == BlockSize ? await FillAsync(content, next, ct) : 0;
            }
            await PutBlockListAsync(upload, Convert.ToBase64String(wholeMd5.GetHashAndReset()), contentType, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    Task PutWholeAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        var md5 = Base64Md5(content.Span);
        return sender.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, BlobAddress.Blob(connection, container, name))
            {
                Content = BodyOf(content, md5, contentType),
            };
            request.Headers.TryAddWithoutValidation("x-ms-blob-type", "BlockBlob");
            return request;
        }, ct);
    }

    Task PutBlockAsync(Upload upload, ReadOnlyMemory<byte> block, CancellationToken ct)
    {
        var blockId = upload.NextBlockId();
        var md5 = Base64Md5(block.Span);
        return sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Put,
            BlobAddress.Blob(connection, upload.Container, upload.Name, ("comp", "block"), ("blockid", blockId)))
        {
            Content = BodyOf(block, md5, contentType: null),
        }, ct);
    }

    Task PutBlockListAsync(Upload upload, string wholeMd5, string contentType, CancellationToken ct)
    {
        var blockList = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("BlockList", upload.BlockIds.Select(id => new XElement("Latest", id))));
        var body = Encoding.UTF8.GetBytes(blockList.Declaration + blockList.ToString(SaveOptions.DisableFormatting));
        var bodyMd5 = Base64Md5(body);
        return sender.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put,
                BlobAddress.Blob(connection, upload.Container, upload.Name, ("comp", "blocklist")))
            {
                Content = BodyOf(body, bodyMd5, "application/xml"),
            };
            request.Headers.TryAddWithoutValidation("x-ms-blob-content-type", contentType);
            request.Headers.TryAddWithoutValidation("x-ms-blob-content-md5", wholeMd5);
            return request;
        }, ct);
    }

    static ReadOnlyMemoryContent BodyOf(ReadOnlyMemory<byte> content, string md5, string? contentType)
    {
        var body = new ReadOnlyMemoryContent(content);
        body.Headers.TryAddWithoutValidation("Content-MD5", md5);
        if (contentType is not null)
            body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return body;
    }

    static string Base64Md5(ReadOnlySpan<byte> content) => Convert.ToBase64String(MD5.HashData(content));

    static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct) =>
        await stream.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, ct);

    /// <summary>The blocks of one upload, named with a per-upload prefix so two writers of the same blob cannot mix blocks.</summary>
    sealed class Upload(string container, string name)
    {
        readonly string _prefix = Guid.NewGuid().ToString("N");
        readonly List<string> _blockIds = [];

        public string Container => container;
        public string Name => name;
        public IReadOnlyList<string> BlockIds => _blockIds;

        // All ids of a blob must have the same length, hence the fixed-width counter.
        public string NextBlockId()
        {
            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(
                $"{_prefix}-{_blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)}"));
            _blockIds.Add(id);
            return id;
        }
    }
}
