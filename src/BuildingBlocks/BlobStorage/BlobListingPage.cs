using System.Globalization;
using System.Xml.Linq;

namespace BuildingBlocks.BlobStorage;

/// <summary>One page of a List Blobs answer; an empty <see cref="NextMarker"/> means it was the last page.</summary>
internal sealed record BlobListingPage(IReadOnlyList<BlobItem> Items, string? NextMarker)
{
    public static BlobListingPage Parse(Stream xml)
    {
        var results = XDocument.Load(xml).Root
            ?? throw new InvalidDataException("The List Blobs answer has no EnumerationResults element.");
        var items = results.Element("Blobs")?.Elements("Blob").Select(ItemOf).ToList() ?? [];
        var nextMarker = results.Element("NextMarker")?.Value;
        return new BlobListingPage(items, string.IsNullOrEmpty(nextMarker) ? null : nextMarker);
    }

    static BlobItem ItemOf(XElement blob)
    {
        var name = blob.Element("Name") ?? throw new InvalidDataException("A listed blob has no Name.");
        var properties = blob.Element("Properties") ?? throw new InvalidDataException($"Listed blob '{name.Value}' has no Properties.");
        return new BlobItem(
            // Names holding characters XML cannot carry come percent-encoded and flagged.
            (string?)name.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(name.Value) : name.Value,
            long.Parse(Required(properties, "Content-Length", name.Value), CultureInfo.InvariantCulture),
            DateTimeOffset.ParseExact(Required(properties, "Last-Modified", name.Value), "R", CultureInfo.InvariantCulture));
    }

    static string Required(XElement properties, string element, string blobName) =>
        properties.Element(element)?.Value ?? throw new InvalidDataException($"Listed blob '{blobName}' has no {element}.");
}
