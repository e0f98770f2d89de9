using System.Globalization;

namespace BuildingBlocks.EventStore;

/// <summary>What the writer believes the stream's version is; 0 means the stream does not exist yet.</summary>
public readonly record struct ExpectedVersion(int? Value, bool FromClient = false)
{
    public static readonly ExpectedVersion Any = new(null);
    public static readonly ExpectedVersion NoStream = new(0);
    public static ExpectedVersion Exactly(int version) => new(version);

    /// <summary>An If-Match header ("5", W/"5" or *) as an expected version; absent means any.</summary>
    public static ExpectedVersion FromIfMatch(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*") return Any;
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new ExpectedVersion(version, FromClient: true)
            : throw new ConcurrencyException($"If-Match '{ifMatch}' is not an ETag this service issued", fromIfMatch: true);
    }

    public bool Accepts(int actual) => Value is null || Value == actual;

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}

/// <summary>The stream moved on since the writer read it: 412 when the client sent If-Match, else 409.</summary>
public sealed class ConcurrencyException(string message, bool fromIfMatch) : Exception(message)
{
    public bool FromIfMatch { get; } = fromIfMatch;
}

/// <summary>A command the current state refuses (409 Conflict).</summary>
public sealed class RuleViolation(string message) : Exception(message);
