using Contracts.Logs;

namespace Query.Bench;

/// <summary>
/// The data set, generated up front on every core and kept as encoded logs.processed values (so that publishing is
/// not slowed by generation and the indexer, not the load generator, sets the pace): N records spread in time order
/// over the 24 hours before <c>end</c>, about half loghub lines and half application logs, with the needles planted.
/// Batches hold 1,000–5,000 records like intake requests, split when their encoding passes the 900 KiB Kafka limit.
/// Every record is counted in the <see cref="Tally"/> the aggregations are checked against.
/// </summary>
sealed class Dataset
{
    const int MaxBatchBytes = 900 * 1024;

    public sealed record Batch(Guid Id, byte[] Value, int Records);

    public required List<Batch> Batches { get; init; }
    public required long Records { get; init; }
    public required long RawNdjsonBytes { get; init; }
    public required long EncodedBytes { get; init; }
    public required Tally Tally { get; init; }

    public static Dataset Generate(string tenant, long records, Loghub loghub, Needles needles, DateTimeOffset end)
    {
        var sizes = new Random(7);
        var starts = new List<long>();
        for (long start = 0; start < records; start += sizes.Next(1_000, 5_001)) starts.Add(start);
        var endNanos = end.ToUnixTimeMilliseconds() * 1_000_000;
        var spanNanos = TimeSpan.FromHours(24).Ticks * 100;
        var output = new List<Batch>[starts.Count];
        long raw = 0;
        var tally = new Tally();

        Parallel.For(0, starts.Count, () => (Ndjson: new NdjsonSize(), Tally: new Tally()), (b, _, local) =>
        {
            var random = new Random(b);
            var from = starts[b];
            var to = b + 1 < starts.Count ? starts[b + 1] : records;
            var batch = new List<LogRecord>((int)(to - from));
            long bytes = 0;
            for (var i = from; i < to; i++)
            {
                // In time order with a few seconds of jitter, never after the end.
                var timestamp = Math.Min(endNanos, endNanos - spanNanos + (long)((double)i / records * spanNanos) + random.NextInt64(-3_000_000_000, 3_000_000_000));
                var record = random.Next(2) == 0 ? loghub.Record(tenant, timestamp, random) : AppLogs.Create(tenant, i, timestamp, random);
                if (needles.TryGet(i, out var plant))
                    record = plant.Token is { } token ? record with { Message = record.Message + " " + token } : record with { TraceId = plant.TraceId };
                bytes += local.Ndjson.Of(record);
                local.Tally.Add(record);
                batch.Add(record);
            }
            output[b] = Encode(tenant, batch);
            Interlocked.Add(ref raw, bytes);
            return local;
        }, local =>
        {
            lock (tally) tally.Merge(local.Tally);
        });

        var batches = output.SelectMany(b => b).ToList();
        return new Dataset
        {
            Batches = batches, Records = records, RawNdjsonBytes = raw, EncodedBytes = batches.Sum(b => (long)b.Value.Length), Tally = tally,
        };
    }

    static List<Batch> Encode(string tenant, List<LogRecord> records)
    {
        var batch = new LogBatch(tenant, Guid.NewGuid(), records);
        if (records.Count == 1 || LogBatchCodec.EncodedSize(batch) <= MaxBatchBytes)
            return [new Batch(batch.BatchId, LogBatchCodec.Encode(batch), records.Count)];
        var half = records.Count / 2;
        return [.. Encode(tenant, records.GetRange(0, half)), .. Encode(tenant, records.GetRange(half, records.Count - half))];
    }
}
