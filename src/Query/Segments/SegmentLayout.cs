using System.Globalization;

namespace Query.Segments;

/// <summary>
/// Where segment files live: segments/tenant_id=&lt;t&gt;/dt=&lt;yyyy-MM-dd&gt;/hour=&lt;HH&gt;/p&lt;partition&gt;-&lt;unique&gt;.parquet,
/// the hive layout any lakehouse engine understands, with one manifest per tenant and Kafka partition.
/// </summary>
public sealed class SegmentLayout(string segmentsDirectory)
{
    public string Root { get; } = segmentsDirectory;

    public string TenantDirectory(string tenant) => Path.Combine(Root, "tenant_id=" + tenant);

    public string ManifestPath(string tenant, int partition) =>
        Path.Combine(TenantDirectory(tenant), $"manifest-p{partition}.json");

    /// <summary>A fresh file name in the hour that holds <paramref name="hourStartNanos"/>.</summary>
    public string NewSegmentPath(string tenant, int partition, long hourStartNanos)
    {
        var hour = DateTime.UnixEpoch.AddTicks(hourStartNanos / 100);
        var folder = Path.Combine(TenantDirectory(tenant),
            "dt=" + hour.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "hour=" + hour.ToString("HH", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"p{partition}-{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid().ToString("N")[..8]}.parquet");
    }

    public static string IndexPathOf(string segmentPath) => Path.ChangeExtension(segmentPath, ".idx");

    public const long NanosPerHour = 3_600_000_000_000;

    public static long HourOf(long timeNanos) => timeNanos - (((timeNanos % NanosPerHour) + NanosPerHour) % NanosPerHour);

    /// <summary>Tenant ids are checked by Tenancy (lower-case letters, digits and hyphens); a file path and a SQL literal
    /// are built from one only after this second check.</summary>
    public static string SafeTenant(string tenant) =>
        tenant.Length is > 0 and <= 64 && tenant.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? tenant
            : throw new ArgumentException($"'{tenant}' is not a tenant id", nameof(tenant));
}
