namespace Contracts;

/// <summary>Kafka topic names: part of the wire contract between contexts.</summary>
public static class Topics
{
    public const string LogsRaw = "logs.raw";
    public const string LogsProcessed = "logs.processed";
    public const string Alerts = "alerts";
    public const string PlatformConfig = "platform.config";
    public const string Usage = "usage";

    /// <summary>What the read model deleted (retention, delete-by-query, tenant deletion), for Tenancy's audit trail.</summary>
    public const string DataLifecycle = "data.lifecycle";

    /// <summary>Data topics spread tenants over partitions; the config topic keeps one partition so its order is global.</summary>
    public const int DataTopicPartitions = 6;

    public static string DeadLetter(string topic) => topic + ".dlq";

    public static readonly IReadOnlyList<(string Name, int Partitions)> All =
    [
        (LogsRaw, DataTopicPartitions),
        (LogsProcessed, DataTopicPartitions),
        (Alerts, DataTopicPartitions),
        (PlatformConfig, 1),
        (Usage, DataTopicPartitions),
        (DataLifecycle, DataTopicPartitions),
        (DeadLetter(LogsRaw), DataTopicPartitions),
        (DeadLetter(LogsProcessed), DataTopicPartitions),
        (DeadLetter(Alerts), DataTopicPartitions),
        (DeadLetter(PlatformConfig), 1),
        (DeadLetter(Usage), DataTopicPartitions),
        (DeadLetter(DataLifecycle), DataTopicPartitions),
    ];
}
