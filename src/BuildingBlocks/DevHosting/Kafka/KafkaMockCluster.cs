using System.Runtime.InteropServices;
using System.Text;

namespace BuildingBlocks.DevHosting.Kafka;

/// <summary>
/// librdkafka's built-in mock cluster: real Kafka protocol over TCP on loopback, data in memory, hosted in this
/// process for as long as the object lives. Any Kafka client in any process can use <see cref="BootstrapServers"/>.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    const string Library = "librdkafka.so.1";
    const int ProducerType = 0;
    readonly IntPtr handle;
    IntPtr cluster;

    public KafkaMockCluster(int brokers = 1)
    {
        var error = new StringBuilder(512);
        var conf = rd_kafka_conf_new();
        rd_kafka_conf_set(conf, "client.id", "kafka-mock-cluster", error, (UIntPtr)error.Capacity);
        rd_kafka_conf_set(conf, "log_level", "3", error, (UIntPtr)error.Capacity);
        handle = rd_kafka_new(ProducerType, conf, error, (UIntPtr)error.Capacity);
        if (handle == IntPtr.Zero) throw new InvalidOperationException($"rd_kafka_new failed: {error}");
        cluster = rd_kafka_mock_cluster_new(handle, brokers);
        if (cluster == IntPtr.Zero)
        {
            rd_kafka_destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }
        BootstrapServers = Marshal.PtrToStringUTF8(rd_kafka_mock_cluster_bootstraps(cluster))!;
    }

    public string BootstrapServers { get; }

    public void CreateTopic(string topic, int partitions)
    {
        var result = rd_kafka_mock_topic_create(cluster, topic, partitions, 1);
        if (result != 0) throw new InvalidOperationException($"creating topic {topic} failed with librdkafka error {result}");
    }

    /// <summary>Takes the broker off the network (connections refused) or brings it back, to test how clients cope.</summary>
    public void SetBrokerDown(int brokerId, bool down)
    {
        var result = down ? rd_kafka_mock_broker_set_down(cluster, brokerId) : rd_kafka_mock_broker_set_up(cluster, brokerId);
        if (result != 0) throw new InvalidOperationException($"changing broker {brokerId} failed with librdkafka error {result}");
    }

    public void Dispose()
    {
        if (cluster == IntPtr.Zero) return;
        rd_kafka_mock_cluster_destroy(cluster);
        rd_kafka_destroy(handle);
        cluster = IntPtr.Zero;
    }

    [DllImport(Library)] static extern IntPtr rd_kafka_conf_new();
    [DllImport(Library)] static extern int rd_kafka_conf_set(IntPtr conf, string name, string value, StringBuilder errstr, UIntPtr errstrSize);
    [DllImport(Library)] static extern IntPtr rd_kafka_new(int type, IntPtr conf, StringBuilder errstr, UIntPtr errstrSize);
    [DllImport(Library)] static extern void rd_kafka_destroy(IntPtr rk);
    [DllImport(Library)] static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokerCount);
    [DllImport(Library)] static extern void rd_kafka_mock_cluster_destroy(IntPtr cluster);
    [DllImport(Library)] static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);
    [DllImport(Library)] static extern int rd_kafka_mock_broker_set_down(IntPtr cluster, int brokerId);
    [DllImport(Library)] static extern int rd_kafka_mock_broker_set_up(IntPtr cluster, int brokerId);
    [DllImport(Library)] static extern int rd_kafka_mock_topic_create(IntPtr cluster, string topic, int partitions, int replicationFactor);
}
