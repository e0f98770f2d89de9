using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace BuildingBlocks.BlobStorage;

/// <summary>
/// Signs a request with the account key as the "Authorize with Shared Key" spec describes for the blob service.
/// It reads the headers from the finished request, so what is signed is exactly what goes on the wire.
/// </summary>
internal static class SharedKeySigner
{
    public const string ApiVersion = "2021-08-06";

    public static void Sign(HttpRequestMessage request, BlobConnection connection, DateTimeOffset now)
    {
        request.Headers.TryAddWithoutValidation("x-ms-date", now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-ms-version", ApiVersion);

        var stringToSign = StringToSign(request, connection.AccountName);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(connection.AccountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {connection.AccountName}:{signature}");
    }

    internal static string StringToSign(HttpRequestMessage request, string accountName)
    {
        var content = request.Content?.Headers;
        // Since version 2015-02-21 an empty body is signed as an empty length, not "0".
        var contentLength = content?.ContentLength is > 0 and var length ? length.ToString(CultureInfo.InvariantCulture) : "";

        var builder = new StringBuilder()
            .Append(request.Method.Method.ToUpperInvariant()).Append('\n')
            .Append(Header(content, "Content-Encoding")).Append('\n')
            .Append(Header(content, "Content-Language")).Append('\n')
            .Append(contentLength).Append('\n')
            .Append(Header(content, "Content-MD5")).Append('\n')
            .Append(Header(content, "Content-Type")).Append('\n')
            .Append(Header(request.Headers, "Date")).Append('\n')
            .Append(Header(request.Headers, "If-Modified-Since")).Append('\n')
            .Append(Header(request.Headers, "If-Match")).Append('\n')
            .Append(Header(request.Headers, "If-None-Match")).Append('\n')
            .Append(Header(request.Headers, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request.Headers, "Range")).Append('\n');

        AppendCanonicalizedHeaders(builder, request.Headers);
        AppendCanonicalizedResource(builder, request.RequestUri!, accountName);
        return builder.ToString();
    }

    static string Header(HttpHeaders? headers, string name) =>
        headers is not null && headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : "";

    static void AppendCanonicalizedHeaders(StringBuilder builder, HttpRequestHeaders headers)
    {
        var storageHeaders = headers.NonValidated
            .Where(header => header.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(header => (Name: header.Key.ToLowerInvariant(), Value: header.Value.ToString().Trim()))
            .OrderBy(header => header.Name, StringComparer.Ordinal);
        foreach (var (name, value) in storageHeaders)
            builder.Append(name).Append(':').Append(value).Append('\n');
    }

    static void AppendCanonicalizedResource(StringBuilder builder, Uri uri, string accountName)
    {
        // The path stays encoded exactly as sent; query values are decoded, names lowercased and sorted.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);

        var parameters = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Uri.UnescapeDataString(pair[0]).ToLowerInvariant(), Value: pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : ""))
            .GroupBy(pair => pair.Name)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var values = parameter.Select(pair => pair.Value).Order(StringComparer.Ordinal);
            builder.Append('\n').Append(parameter.Key).Append(':').AppendJoin(',', values);
        }
    }
}
