namespace BuildingBlocks.Messaging;

public sealed record ConsumerOptions(string BootstrapServers, string GroupId, IReadOnlyList<string> Topics)
{
    /// <summary>Handler attempts per message before it goes to the topic's dead-letter twin.</summary>
    public int MaxAttempts { get; init; } = 5;
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan Backoff(int failedAttempts) => Messaging.Backoff.Exponential(InitialBackoff, MaxBackoff, failedAttempts);
}
