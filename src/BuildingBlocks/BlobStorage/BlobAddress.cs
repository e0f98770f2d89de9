namespace BuildingBlocks.BlobStorage;

/// <summary>Builds request addresses with every container name, blob name segment and query value percent-encoded.</summary>
internal static class BlobAddress
{
    public static Uri Service(BlobConnection connection, params (string Name, string? Value)[] query) =>
        Build(connection.BlobEndpoint + "/", query);

    public static Uri Container(BlobConnection connection, string container, params (string Name, string? Value)[] query) =>
        Build($"{connection.BlobEndpoint}/{EncodeContainer(container)}", query);

    public static Uri Blob(BlobConnection connection, string container, string name, params (string Name, string? Value)[] query) =>
        Build($"{connection.BlobEndpoint}/{EncodeContainer(container)}/{EncodeBlobName(name)}", query);

    static string EncodeContainer(string container)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(container);
        return Uri.EscapeDataString(container);
    }

    // Slashes are kept as the virtual directory separators; each segment between them is encoded on its own.
    static string EncodeBlobName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var segments = name.Split('/');
        // Uri would collapse these as relative path steps and address a different blob than the one named.
        if (segments.Any(segment => segment is "." or ".."))
            throw new ArgumentException($"Blob names cannot contain '.' or '..' path segments: '{name}'.", nameof(name));
        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    static Uri Build(string path, (string Name, string? Value)[] query)
    {
        var present = query.Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}");
        var queryString = string.Join('&', present);
        return new Uri(queryString.Length == 0 ? path : $"{path}?{queryString}");
    }
}
