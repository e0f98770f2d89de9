using BuildingBlocks.TenantConfig;
using Contracts.Lifecycle;
using Query.Archive;
using Query.Search;
using Query.Storage;

namespace Query.Lifecycle;

/// <summary>
/// Deletes whole days past a tenant's retention (its RetentionDays, counted in UTC days before today) from both
/// tiers: the catalog and manifests first (the objects become pending deletions, so a crash cannot forget them), then
/// the archive objects and local files, then one audit fact per day.
/// </summary>
public sealed class Retention(ReadModel readModel, ArchiveSweeper sweeper, TenantConfigCache config, LifecycleEvents events, QueryCache cache,
    ILogger<Retention> logger)
{
    /// <summary>One round over every tenant; returns the number of days deleted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var deleted = 0;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var tenant in readModel.Tenants())
        {
            if (config.Tenant(tenant) is not { Status: "active" or "suspended", RetentionDays: > 0 } settings) continue;
            var keepFrom = ArchiveLayout.StartOfDayNanos(today.AddDays(-settings.RetentionDays));
            foreach (var day in readModel.Segments(tenant).Where(s => s.MaxTimeNanos < keepFrom).GroupBy(s => ArchiveLayout.DayOf(s.MaxTimeNanos)))
            {
                var expired = day.ToList();
                readModel.Replace(tenant, expired, null);
                cache.NoteLateData(tenant); // cached answers of finished ranges may hold the deleted lines
                await sweeper.SweepAsync(tenant, ct);
                var lines = expired.Sum(s => s.Rows);
                ArchiveMetrics.LinesDeleted.Add(lines, new KeyValuePair<string, object?>("reason", "retention"));
                logger.LogInformation("Retention of {Tenant} ({Days} days) deleted {Day}: {Lines} lines", tenant, settings.RetentionDays, day.Key, lines);
                await events.PurgedAsync(new DataPurged(tenant, "retention", day.Key, null, null, lines, expired.Count(s => s.IsHot),
                    expired.Count(s => !s.IsHot), DateTimeOffset.UtcNow), ct);
                deleted++;
            }
        }
        return deleted;
    }
}
