using System.Globalization;
using System.Text;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Contracts.Logs;

namespace Processing.Consuming;

/// <summary>
/// A record a stage could not process goes to logs.raw.dlq on its own (as a one-record batch, so it can be replayed
/// through the same decoder), with the error, the stage and where it came from in the headers.
/// </summary>
sealed class RecordDeadLetters(MessageProducer producer)
{
    public Task SendAsync(LogRecord record, string stage, Exception error, ConsumeResult<string, byte[]> source)
    {
        var value = LogBatchCodec.Encode(new LogBatch(record.Tenant, Guid.CreateVersion7(), [record]));
        return SendAsync(record.Tenant, value, $"{stage}: {error.GetType().Name}: {error.Message}", source);
    }

    /// <summary>A whole input message that could not be read at all.</summary>
    public Task SendAsync(string tenant, byte[] value, string error, ConsumeResult<string, byte[]> source)
    {
        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        Add(headers, DeadLetterHeaders.Error, error.Length > 4096 ? error[..4096] : error);
        Add(headers, DeadLetterHeaders.OriginalTopic, source.Topic);
        Add(headers, DeadLetterHeaders.OriginalPartition, source.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.OriginalOffset, source.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.FailedAt, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return producer.PublishAsync(Topics.DeadLetter(Topics.LogsRaw), new Message<string, byte[]> { Key = tenant, Value = value, Headers = headers });
    }

    static void Add(Headers headers, string key, string value) => headers.Add(key, Encoding.UTF8.GetBytes(value));
}
