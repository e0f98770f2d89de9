using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace BuildingBlocks.Messaging;

/// <summary>The original headers plus why and where the message failed, so it can be inspected and replayed.</summary>
public static class DeadLetterHeaders
{
    public const string Error = "dlq-error";
    public const string ErrorType = "dlq-error-type";
    public const string Attempts = "dlq-attempts";
    public const string OriginalTopic = "dlq-original-topic";
    public const string OriginalPartition = "dlq-original-partition";
    public const string OriginalOffset = "dlq-original-offset";
    public const string FailedAt = "dlq-failed-at";
    const int MaxErrorLength = 4096;

    public static Headers Describe(ConsumeResult<string, byte[]> result, Exception error, int attempts)
    {
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        var text = error.ToString();
        Add(headers, Error, text.Length > MaxErrorLength ? text[..MaxErrorLength] : text);
        Add(headers, ErrorType, error.GetType().FullName ?? error.GetType().Name);
        Add(headers, Attempts, attempts.ToString(CultureInfo.InvariantCulture));
        Add(headers, OriginalTopic, result.Topic);
        Add(headers, OriginalPartition, result.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, OriginalOffset, result.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, FailedAt, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return headers;
    }

    static void Add(Headers headers, string key, string value) => headers.Add(key, Encoding.UTF8.GetBytes(value));
}
