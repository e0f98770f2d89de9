using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Contracts;
using Query.Search;
using Query.Segments;

namespace Query.Archive;

/// <summary>
/// Names in the archive. Each tenant has its own container (<see cref="TenantStorage"/>, created by Tenancy);
/// objects follow the hive layout logs/tenant_id=&lt;t&gt;/dt=&lt;yyyy-MM-dd&gt;/part-&lt;id&gt;.parquet that lakehouse
/// engines read in place. An object's id is a hash of the segments it was made from, so a tiering retried after a
/// crash writes the same name again instead of a second copy.
/// </summary>
public static class ArchiveLayout
{
    public const string CatalogFile = "archive.json";

    public static string ContainerFor(string tenant) => TenantStorage.ContainerFor(SegmentLayout.SafeTenant(tenant));

    public static string Prefix(string tenant) => $"logs/tenant_id={SegmentLayout.SafeTenant(tenant)}/";

    public static string PartId(IEnumerable<string> sources) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', sources.Order(StringComparer.Ordinal)))))[..16];

    public static string BlobName(string tenant, DateOnly day, string partId) =>
        $"{Prefix(tenant)}dt={Day(day)}/part-{partId}.parquet";

    /// <summary>The local file (relative to the tenant's folder) beside which the object's index and cached copy live.</summary>
    public static string LocalFile(DateOnly day, string partId) => Path.Combine("archive", "dt=" + Day(day), $"part-{partId}.parquet");

    public static DateOnly DayOf(long timeNanos) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(timeNanos / 100));

    public static long StartOfDayNanos(DateOnly day) => SearchEndpoints.Nanos(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
