namespace BuildingBlocks.BlobStorage;

/// <summary>Where a storage account's blob service lives and the shared key that signs requests to it.</summary>
public sealed class BlobConnection
{
    const string DevelopmentAccountName = "devstoreaccount1";
    const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    const string DevelopmentBlobEndpoint = "http://127.0.0.1:10000/devstoreaccount1";

    public BlobConnection(string accountName, string accountKey, Uri blobEndpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        AccountName = accountName;
        AccountKey = DecodeKey(accountKey);
        // A trailing slash would double up when container paths are appended.
        BlobEndpoint = new Uri(blobEndpoint.AbsoluteUri.TrimEnd('/'));
    }

    public string AccountName { get; }

    public Uri BlobEndpoint { get; }

    internal byte[] AccountKey { get; }

    /// <summary>
    /// Reads a standard Azure storage connection string
    /// (<c>AccountName=…;AccountKey=…;BlobEndpoint=…</c> or <c>UseDevelopmentStorage=true</c>).
    /// </summary>
    public static BlobConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = ReadParts(connectionString);

        if (parts.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
            return new BlobConnection(DevelopmentAccountName, DevelopmentAccountKey, new Uri(DevelopmentBlobEndpoint));

        var accountName = Required(parts, "AccountName");
        var accountKey = Required(parts, "AccountKey");
        return new BlobConnection(accountName, accountKey, BlobEndpointOf(parts, accountName));
    }

    // The key stays out of logs and exception messages.
    public override string ToString() => $"{AccountName} at {BlobEndpoint}";

    static Dictionary<string, string> ReadParts(string connectionString)
    {
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            position++;
            // Split at the first '=' only: base64 keys end with '='.
            var equals = part.IndexOf('=');
            if (equals <= 0) // the part itself is not echoed: it might be a stray key
                throw new FormatException($"Part {position} of the blob connection string is not a name=value pair.");
            parts[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }
        return parts;
    }

    static string Required(Dictionary<string, string> parts, string name) =>
        parts.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new FormatException($"The blob connection string has no {name}.");

    static Uri BlobEndpointOf(Dictionary<string, string> parts, string accountName)
    {
        if (parts.TryGetValue("BlobEndpoint", out var endpoint) && endpoint.Length > 0)
            return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new FormatException($"The blob connection string has a BlobEndpoint that is not an http(s) address: '{endpoint}'.");

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new Uri($"{protocol}://{accountName}.blob.{suffix}");
    }

    static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        var key = new byte[accountKey.Length];
        return Convert.TryFromBase64String(accountKey, key, out var written)
            ? key[..written]
            : throw new FormatException("The blob connection string has an AccountKey that is not valid base64.");
    }
}
