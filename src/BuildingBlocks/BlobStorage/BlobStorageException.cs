using System.Net;
using System.Xml.Linq;

namespace BuildingBlocks.BlobStorage;

/// <summary>The blob service answered with a failure that retrying did not (or could not) fix.</summary>
public sealed class BlobStorageException(HttpStatusCode statusCode, string? errorCode, string message)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The service's own error code, e.g. <c>BlobNotFound</c> or <c>AuthorizationFailure</c>.</summary>
    public string? ErrorCode { get; } = errorCode;

    internal static async Task<BlobStorageException> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(ct);
        var (bodyCode, serviceMessage) = ReadErrorBody(body);
        // HEAD answers carry no body, so the header is the only source there.
        var errorCode = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.First() : bodyCode;
        var request = response.RequestMessage;
        var message = $"Blob storage {request?.Method} {request?.RequestUri?.AbsolutePath} failed: " +
            $"{(int)response.StatusCode} {errorCode ?? "(no error code)"}: {serviceMessage ?? response.ReasonPhrase}";
        return new BlobStorageException(response.StatusCode, errorCode, message);
    }

    static (string? Code, string? Message) ReadErrorBody(string body)
    {
        if (!body.TrimStart().StartsWith('<'))
            return (null, null);
        try
        {
            var error = XDocument.Parse(body).Root;
            // The service appends RequestId and Time lines that only add noise here.
            var message = error?.Element("Message")?.Value.Split('\n')[0].Trim();
            return (error?.Element("Code")?.Value, message);
        }
        catch (System.Xml.XmlException)
        {
            // A proxy's HTML error page, say: the status code alone still makes a useful exception.
            return (null, null);
        }
    }
}
