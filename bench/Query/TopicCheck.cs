using Confluent.Kafka;
using Contracts;

namespace Query.Bench;

/// <summary>
/// Reads logs.processed back from the start in a group of its own and counts messages and records (from each batch
/// header): tells a lost message on the broker apart from a message the indexer did not index.
/// </summary>
static class TopicCheck
{
    public sealed record Counts(long Messages, long Records, int DistinctBatches, long LowWatermark, long HighWatermark);

    public static Counts Count(string bootstrapServers)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "query-bench-check-" + Guid.NewGuid().ToString("N")[..8],
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).SetLogHandler((_, _) => { }).Build();
        var partitions = Enumerable.Range(0, Topics.DataTopicPartitions).Select(p => new TopicPartition(Topics.LogsProcessed, p)).ToList();
        var watermarks = partitions.ToDictionary(p => p.Partition.Value, p => consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)));
        var ends = watermarks.ToDictionary(w => w.Key, w => w.Value.High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        long messages = 0, records = 0;
        var batches = new HashSet<Guid>();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var done = ends.Where(e => e.Value == 0).Select(e => e.Key).ToHashSet();
        while (done.Count < ends.Count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromSeconds(1)) is not { Message: not null } result) continue;
            messages++;
            var (batchId, count) = Header(result.Message.Value);
            batches.Add(batchId);
            records += count;
            if (result.Offset.Value + 1 >= ends[result.Partition.Value]) done.Add(result.Partition.Value);
        }
        consumer.Close();
        return new Counts(messages, records, batches.Count, watermarks.Values.Sum(w => w.Low.Value), watermarks.Values.Sum(w => w.High.Value));
    }

    /// <summary>'L' 'B' version · tenant (varint length + UTF-8) · batch id (16 bytes) · record count (varint).</summary>
    static (Guid BatchId, long Records) Header(byte[] value)
    {
        var position = 3;
        var tenantLength = (int)VarUInt(value, ref position);
        position += tenantLength;
        var batchId = new Guid(value.AsSpan(position, 16));
        position += 16;
        return (batchId, (long)VarUInt(value, ref position));
    }

    static ulong VarUInt(byte[] value, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = value[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
    }
}
