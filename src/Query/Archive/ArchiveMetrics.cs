using System.Diagnostics.Metrics;
using Query.Indexing;

namespace Query.Archive;

static class ArchiveMetrics
{
    public static readonly Counter<long> ObjectsUploaded = IndexerMetrics.Meter.CreateCounter<long>("query.archive.objects.uploaded", "{object}",
        "Archive objects written to blob storage and verified.");
    public static readonly Counter<long> RowsArchived = IndexerMetrics.Meter.CreateCounter<long>("query.archive.rows", "{row}",
        "Lines moved from hot segments to the archive.");
    public static readonly Counter<long> Downloads = IndexerMetrics.Meter.CreateCounter<long>("query.archive.cache.downloads", "{object}",
        "Archive objects fetched into the local cache for queries.");
    public static readonly Counter<long> DownloadedBytes = IndexerMetrics.Meter.CreateCounter<long>("query.archive.cache.downloaded", "By",
        "Bytes fetched from the archive for queries.");
    public static readonly Counter<long> CacheHits = IndexerMetrics.Meter.CreateCounter<long>("query.archive.cache.hits", "{object}",
        "Archive objects a query found already in the local cache.");
    public static readonly Counter<long> Evictions = IndexerMetrics.Meter.CreateCounter<long>("query.archive.cache.evictions", "{object}",
        "Cached archive copies deleted to keep the cache under its cap.");
    public static readonly Counter<long> LinesDeleted = IndexerMetrics.Meter.CreateCounter<long>("query.lines.deleted", "{line}",
        "Lines deleted by retention, delete-by-query and tenant deletion, per reason.");
}
