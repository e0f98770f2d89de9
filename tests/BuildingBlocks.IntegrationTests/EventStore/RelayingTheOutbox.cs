using System.Text;
using BuildingBlocks.EventStore;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.EventStore;

[Collection(InfrastructureCollection.Name)]
public sealed class RelayingTheOutbox(InfrastructureFixture infra) : IAsyncLifetime
{
    readonly NpgsqlDataSource db = NpgsqlDataSource.Create(infra.PostgresConnectionString);
    readonly string topic = "outbox-test-" + Guid.NewGuid().ToString("N")[..8];
    readonly MessageProducer producer = new(infra.KafkaBootstrapServers, "relay-tests");

    public async Task InitializeAsync()
    {
        await Schema.MigrateAsync(db, "tests", [], CancellationToken.None);
        // Earlier tests' rows are not this test's business.
        await using var clear = db.CreateCommand("update es_outbox set published_at = now() where published_at is null");
        await clear.ExecuteNonQueryAsync();
        infra.Kafka.CreateTopic(topic, 3);
    }

    public async Task DisposeAsync()
    {
        producer.Dispose();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task publishes_what_was_appended_while_it_was_stopped_exactly_once_after_it_restarts()
    {
        var store = new PostgresEventStore(db, new EventTypeRegistry().Register<CounterStarted>("counter.started.v1"), []);
        var relay = new OutboxRelay(db, producer, NullLogger<OutboxRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await AppendAsync(store, "before-stop");
        await relay.StopAsync(CancellationToken.None);

        for (var i = 0; i < 10; i++) await AppendAsync(store, $"while-stopped-{i}");

        var restarted = new OutboxRelay(db, producer, NullLogger<OutboxRelay>.Instance);
        await restarted.StartAsync(CancellationToken.None);
        var received = ReadAll(expected: 11);
        await restarted.StopAsync(CancellationToken.None);

        received.Count.ShouldBe(11);
        received.Select(m => EnvelopeCodec.FromMessage(m).Id).Distinct().Count().ShouldBe(11);
        received.Select(m => Encoding.UTF8.GetString(m.Value)).ShouldBe(
            ["before-stop", .. Enumerable.Range(0, 10).Select(i => $"while-stopped-{i}")], "one tenant's messages keep their order");
    }

    Task AppendAsync(PostgresEventStore store, string payload) =>
        store.AppendAsync("counter-" + Guid.NewGuid().ToString("N"), ExpectedVersion.NoStream, [new CounterStarted(payload)],
            new EventMetadata("test", "corr"), [new OutboxMessage(topic, "counter.started", "tenant-a", Encoding.UTF8.GetBytes(payload))]);

    List<Message<string, byte[]>> ReadAll(int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = infra.KafkaBootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var messages = new List<Message<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result) messages.Add(result.Message);
            // Keep reading a moment after the expected count: a duplicate would arrive now.
            if (messages.Count >= expected && consumer.Consume(TimeSpan.FromSeconds(1)) is { } extra) messages.Add(extra.Message);
            if (messages.Count >= expected) break;
        }
        return messages;
    }
}
