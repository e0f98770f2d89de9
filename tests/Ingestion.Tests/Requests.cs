using System.IO.Compression;
using System.Text;
using Contracts.Logs;
using Ingestion.Protocols;

namespace Ingestion.Tests;

/// <summary>What the tests send: a fixed arrival time (so timestamps in payloads are relative to it) and body helpers.</summary>
static class Requests
{
    public const string Tenant = "acme";
    public static readonly DateTimeOffset ReceivedAt = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly IngestContext Context = IngestContext.At(Tenant, ReceivedAt);
    public static long ReceivedNanos => Context.ReceivedNanos;

    /// <summary>Unix nanoseconds of <see cref="ReceivedAt"/> moved by <paramref name="offset"/>.</summary>
    public static long Nanos(TimeSpan offset) => ReceivedNanos + offset.Ticks * 100;

    public static long Nanos(string rfc3339) => (DateTimeOffset.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture).UtcTicks - DateTime.UnixEpoch.Ticks) * 100;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(body);
        return output.ToArray();
    }

    public static LogRecord Single(ParseResult result)
    {
        result.Error.ShouldBeNull();
        result.Rejected.ShouldBeEmpty();
        return result.Accepted.ShouldHaveSingleItem();
    }
}
