using BuildingBlocks.DuckDb;
using Query.Segments;
using Query.Storage;

namespace Query.Indexing;

/// <summary>Writes one head generation as segments: one per tenant, Kafka partition and hour of event time.</summary>
public sealed class HeadFlusher(ReadModel readModel, SegmentWriter writer)
{
    /// <param name="positions">Per Kafka partition, the offset after the last message in the head.</param>
    public IReadOnlyList<FlushedPart> Write(DuckConnection connection, HeadTable head, IReadOnlyDictionary<int, long> positions)
    {
        var groups = new List<(string Tenant, int Partition, long Hour)>();
        using (var reader = connection.Query(
                   $"SELECT tenant, partition, ts - (ts % {SegmentLayout.NanosPerHour}) AS hour FROM {head.Name} GROUP BY ALL ORDER BY ALL"))
            while (reader.ReadChunk())
                for (var row = 0; row < reader.ChunkSize; row++)
                    groups.Add((reader.GetString(0, row), (int)reader.GetInt64(1, row), reader.GetInt64(2, row)));

        var parts = new List<FlushedPart>();
        foreach (var part in groups.GroupBy(g => (g.Tenant, g.Partition)))
        {
            var (tenant, partition) = part.Key;
            var batches = head.Batches.GetValueOrDefault(tenant) ?? [];
            var segments = new List<Segment>();
            foreach (var (_, _, hour) in part)
            {
                var path = readModel.Layout.NewSegmentPath(tenant, partition, hour);
                segments.Add(writer.Write(connection, head.SegmentRows(tenant, partition, hour), path, tenant, partition,
                    segments.Count == 0 ? batches : []));
                IndexerMetrics.SegmentsWritten.Add(1, IndexerMetrics.Tenant(tenant));
            }
            parts.Add(new FlushedPart(tenant, partition, positions[partition], segments));
        }
        return parts;
    }
}
