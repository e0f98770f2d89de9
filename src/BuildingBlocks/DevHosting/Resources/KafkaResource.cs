using System.Net.Sockets;
using BuildingBlocks.DevHosting.Kafka;

namespace BuildingBlocks.DevHosting.Resources;

/// <summary>
/// The embedded development broker: librdkafka's mock cluster in the host process. It picks its own port and keeps
/// data in memory only, so messages do not survive a restart of the host.
/// </summary>
public sealed class KafkaResource(string name) : Resource(name, 0)
{
    readonly List<(string Topic, int Partitions)> topics = [];
    KafkaMockCluster? cluster;

    protected override string LocalConnectionString => cluster?.BootstrapServers ?? "";

    public void AddTopic(string topic, int partitions) => topics.Add((topic, partitions));

    /// <summary>Creates a topic on the running embedded broker (an external one creates topics on first use).</summary>
    public void CreateTopic(string topic, int partitions) => cluster?.CreateTopic(topic, partitions);

    /// <summary>Takes the embedded broker off the network or brings it back (tests of broker outages).</summary>
    public void SetBrokerDown(bool down) => cluster?.SetBrokerDown(1, down);

    protected override Task LaunchAsync(ResourceContext context, CancellationToken ct)
    {
        cluster = new KafkaMockCluster();
        Port = int.Parse(cluster.BootstrapServers.Split(',')[0].Split(':')[1]);
        foreach (var (topic, partitions) in topics) cluster.CreateTopic(topic, partitions);
        Log!.Write($"mock cluster at {cluster.BootstrapServers}; topics: {string.Join(", ", topics.Select(t => $"{t.Topic} ({t.Partitions})"))}");
        return Task.CompletedTask;
    }

    protected override Task WaitUntilReadyAsync(CancellationToken ct) => PollUntilAsync(async token =>
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, token);
        return true;
    }, TimeSpan.FromSeconds(10), ct);

    protected override Task OnStoppedAsync()
    {
        cluster?.Dispose();
        return Task.CompletedTask;
    }
}
