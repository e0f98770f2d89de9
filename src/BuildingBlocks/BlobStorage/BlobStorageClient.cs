using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace BuildingBlocks.BlobStorage;

/// <summary>
/// A small Azure Blob Storage client over the REST API with Shared Key authorization.
/// Failures answered by the service throw <see cref="BlobStorageException"/>; transient ones are retried first.
/// </summary>
public sealed class BlobStorageClient
{
    // One pooled handler for every client that was not given its own HttpClient; recycled so DNS changes are seen.
    static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    readonly BlobConnection _connection;
    readonly BlobRequestSender _sender;
    readonly BlockBlobUploader _uploader;

    public BlobStorageClient(BlobConnection connection, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _sender = new BlobRequestSender(connection, http ?? SharedHttp);
        _uploader = new BlockBlobUploader(connection, _sender);
    }

    /// <summary>Lists at most one container: proves the endpoint answers and the key is accepted.</summary>
    public Task PingAsync(CancellationToken ct = default) =>
        _sender.SendAsync(() => Get(BlobAddress.Service(_connection, ("comp", "list"), ("maxresults", "1"))), ct);

    /// <returns>True when the container was created, false when it already existed.</returns>
    public async Task<bool> CreateContainerIfNotExistsAsync(string container, CancellationToken ct = default)
    {
        try
        {
            await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Put,
                BlobAddress.Container(_connection, container, ("restype", "container"))), ct);
            return true;
        }
        catch (BlobStorageException e) when (e.ErrorCode == "ContainerAlreadyExists")
        {
            return false;
        }
    }

    /// <returns>True when the container was deleted, false when there was none.</returns>
    public async Task<bool> DeleteContainerAsync(string container, CancellationToken ct = default)
    {
        try
        {
            await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete,
                BlobAddress.Container(_connection, container, ("restype", "container"))), ct);
            return true;
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Stores <paramref name="content"/> as a block blob, replacing any blob of that name.</summary>
    public Task PutBlobAsync(string container, string name, ReadOnlyMemory<byte> content,
        string contentType = "application/octet-stream", CancellationToken ct = default) =>
        _uploader.PutAsync(container, name, content, contentType, ct);

    /// <summary>Stores a stream as a block blob, holding at most two 4 MiB blocks in memory at a time.</summary>
    public Task PutBlobAsync(string container, string name, Stream content,
        string contentType = "application/octet-stream", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        return _uploader.PutAsync(container, name, content, contentType, ct);
    }

    /// <returns>The whole blob, or null when the blob or its container does not exist.</returns>
    public async Task<byte[]?> GetBlobAsync(string container, string name, CancellationToken ct = default)
    {
        try
        {
            return await _sender.SendAsync(() => Get(BlobAddress.Blob(_connection, container, name)), ReadVerifiedAsync, ct);
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Streams the whole blob into <paramref name="destination"/> without holding it in memory, checking it against the
    /// MD5 stored with the blob when there is one. A failed attempt is retried from the start, so the destination is
    /// truncated to its starting position first; it must be seekable.
    /// </summary>
    /// <returns>False when the blob or its container does not exist.</returns>
    public async Task<bool> DownloadBlobAsync(string container, string name, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var start = destination.Position;
        try
        {
            return await _sender.SendAsync(() => Get(BlobAddress.Blob(_connection, container, name)), async (response, ct) =>
            {
                destination.SetLength(start);
                destination.Position = start;
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
                try
                {
                    int read;
                    while ((read = await body.ReadAsync(buffer, ct)) > 0)
                    {
                        md5.AppendData(buffer, 0, read);
                        await destination.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }
                finally
                {
                    System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                }
                if (response.Content.Headers.ContentMD5 is { } expected && !md5.GetHashAndReset().AsSpan().SequenceEqual(expected))
                    throw new BlobStorageException(response.StatusCode, "Md5Mismatch",
                        $"Blob storage GET {response.RequestMessage?.RequestUri?.AbsolutePath} returned content that does not match its Content-MD5.");
                return true;
            }, ct);
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <returns>
    /// Up to <paramref name="length"/> bytes from <paramref name="offset"/> (fewer at the end of the blob), or null when missing.
    /// An offset at or past the end is refused by the service with 416 InvalidRange.
    /// </returns>
    public async Task<byte[]?> GetBlobRangeAsync(string container, string name, long offset, int length, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        try
        {
            return await _sender.SendAsync(() =>
            {
                var request = Get(BlobAddress.Blob(_connection, container, name));
                request.Headers.Range = new RangeHeaderValue(offset, offset + length - 1);
                return request;
            }, static (response, ct) => response.Content.ReadAsByteArrayAsync(ct), ct);
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <returns>The blob's properties, or null when the blob or its container does not exist.</returns>
    public async Task<BlobProperties?> GetBlobPropertiesAsync(string container, string name, CancellationToken ct = default)
    {
        try
        {
            return await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Head, BlobAddress.Blob(_connection, container, name)),
                static (response, _) => Task.FromResult(PropertiesOf(response)), ct);
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <returns>True when the blob was deleted, false when there was none.</returns>
    public async Task<bool> DeleteBlobAsync(string container, string name, CancellationToken ct = default)
    {
        try
        {
            await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, BlobAddress.Blob(_connection, container, name)), ct);
            return true;
        }
        catch (BlobStorageException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Lists the blobs whose names start with <paramref name="prefix"/>, in name order, page by page.</summary>
    /// <param name="pageSize">Blobs per request; null lets the service choose (up to 5000).</param>
    public async IAsyncEnumerable<BlobItem> ListBlobsAsync(string container, string? prefix = null, int? pageSize = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (pageSize is <= 0)
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one blob.");
        string? marker = null;
        do
        {
            var pageMarker = marker;
            var page = await _sender.SendAsync(() => Get(BlobAddress.Container(_connection, container,
                    ("restype", "container"), ("comp", "list"), ("prefix", prefix), ("marker", pageMarker),
                    ("maxresults", pageSize?.ToString(CultureInfo.InvariantCulture)))),
                static async (response, ct) => BlobListingPage.Parse(await response.Content.ReadAsStreamAsync(ct)), ct);
            foreach (var item in page.Items)
                yield return item;
            marker = page.NextMarker;
        }
        while (marker is not null);
    }

    static HttpRequestMessage Get(Uri address) => new(HttpMethod.Get, address);

    // A blob stored with an MD5 gets it back in the answer; checking it catches corruption on the way down.
    static async Task<byte[]> ReadVerifiedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var content = await response.Content.ReadAsByteArrayAsync(ct);
        var expected = response.Content.Headers.ContentMD5;
        if (expected is not null && !MD5.HashData(content).AsSpan().SequenceEqual(expected))
            throw new BlobStorageException(response.StatusCode, "Md5Mismatch",
                $"Blob storage GET {response.RequestMessage?.RequestUri?.AbsolutePath} returned content that does not match its Content-MD5.");
        return content;
    }

    static BlobProperties PropertiesOf(HttpResponseMessage response)
    {
        var headers = response.Content.Headers;
        return new BlobProperties(
            headers.ContentLength ?? throw MissingHeader(response, "Content-Length"),
            response.Headers.ETag?.ToString() ?? throw MissingHeader(response, "ETag"),
            headers.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : null,
            headers.LastModified ?? throw MissingHeader(response, "Last-Modified"),
            headers.ContentType?.ToString());
    }

    static InvalidDataException MissingHeader(HttpResponseMessage response, string header) =>
        new($"Blob storage answered {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} without a {header} header.");
}
