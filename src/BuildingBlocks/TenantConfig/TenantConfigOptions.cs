using BuildingBlocks.Messaging;

namespace BuildingBlocks.TenantConfig;

/// <summary>Where a service's configuration cache reads from. A class, not a record: a record would print the operator key.</summary>
public sealed class TenantConfigOptions
{
    public required string KafkaBootstrapServers { get; init; }

    /// <summary>Base address of the Tenancy service, which serves the snapshot at <c>/api/v1/config/snapshot</c>.</summary>
    public required Uri TenancyUrl { get; init; }

    /// <summary>The platform operator key; the snapshot endpoint serves nobody else.</summary>
    public required string OperatorKey { get; init; }

    /// <summary>Names this process's consumer group (<c>config-cache-{ServiceName}-{guid}</c>) and its Kafka client id.</summary>
    public required string ServiceName { get; init; }

    public TimeSpan SnapshotInitialBackoff { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan SnapshotMaxBackoff { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan SnapshotBackoff(int failedAttempts) => Backoff.Exponential(SnapshotInitialBackoff, SnapshotMaxBackoff, failedAttempts);

    public override string ToString() => $"TenantConfigOptions {{ Kafka = {KafkaBootstrapServers}, Tenancy = {TenancyUrl}, Service = {ServiceName} }}";
}
