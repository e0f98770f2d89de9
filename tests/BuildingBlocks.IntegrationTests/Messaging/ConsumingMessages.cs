using System.Collections.Concurrent;
using System.Text;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.Messaging;

[Collection(InfrastructureCollection.Name)]
public sealed class ConsumingMessages(InfrastructureFixture infra) : IDisposable
{
    const string TestType = "test.happened";
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    readonly string topic = "test." + Guid.NewGuid().ToString("N")[..8];
    readonly MessageProducer producer = new(infra.KafkaBootstrapServers, "tests");

    [Fact]
    public async Task handles_every_published_message_exactly_once()
    {
        CreateTopics();
        var sent = await PublishAsync(25);
        var handled = new ConcurrentQueue<string>();

        await using (await StartConsumerAsync("group-once", (e, _) => { handled.Enqueue(e.Id); return Task.CompletedTask; }))
        {
            await Eventually.Until(() => handled.Count >= sent.Count, Deadline, "every message was handled");
            // One more round trip through the broker: a duplicate delivery would show up behind it.
            var marker = await PublishAsync(1);
            await Eventually.Until(() => handled.Contains(marker[0]), Deadline, "the marker was handled");
        }

        handled.Where(id => sent.Contains(id)).OrderBy(id => id).ShouldBe(sent.Order());
    }

    [Fact]
    public async Task sends_a_message_whose_handler_always_throws_to_the_dead_letter_topic_after_the_retries()
    {
        CreateTopics();
        var attempts = 0;
        var sent = await PublishAsync(1);

        await using (await StartConsumerAsync("group-dlq", (_, _) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("the handler refuses this message");
        }, maxAttempts: 3))
        {
            var dead = ReadOne(Topics.DeadLetter(topic));
            dead.Message.Value.ShouldBe(Encoding.UTF8.GetBytes("payload 0"));
            EnvelopeCodec.OptionalHeader(dead.Message, EnvelopeCodec.IdHeader).ShouldBe(sent[0]);
            EnvelopeCodec.OptionalHeader(dead.Message, DeadLetterHeaders.Attempts).ShouldBe("3");
            EnvelopeCodec.OptionalHeader(dead.Message, DeadLetterHeaders.Error)!.ShouldContain("the handler refuses this message");
            EnvelopeCodec.OptionalHeader(dead.Message, DeadLetterHeaders.OriginalTopic).ShouldBe(topic);
        }

        attempts.ShouldBe(3);
    }

    [Fact]
    public async Task a_restarted_consumer_resumes_from_its_committed_offset_and_handles_every_message()
    {
        CreateTopics();
        var first = await PublishAsync(20);
        var handled = new ConcurrentQueue<string>();
        Task Record(Envelope e, CancellationToken _) { handled.Enqueue(e.Id); return Task.CompletedTask; }

        await using (await StartConsumerAsync("group-resume", Record))
            await Eventually.Until(() => handled.Count >= 10, Deadline, "the first consumer handled some messages");
        var handledBeforeRestart = handled.Count;

        var second = await PublishAsync(20);
        await using (await StartConsumerAsync("group-resume", Record))
            await Eventually.Until(() => first.Concat(second).All(handled.Contains), Deadline, "every message was handled after the restart");

        handledBeforeRestart.ShouldBeGreaterThanOrEqualTo(10);
        handled.Count.ShouldBe(first.Count + second.Count, "a graceful stop commits what was handled, so nothing is handled twice");
    }

    void CreateTopics()
    {
        infra.Kafka.CreateTopic(topic, 3);
        infra.Kafka.CreateTopic(Topics.DeadLetter(topic), 3);
    }

    async Task<List<string>> PublishAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var envelope = Envelope.Create(TestType, $"tenant-{i % 4}", Encoding.UTF8.GetBytes($"payload {i}"));
            await producer.PublishAsync(topic, envelope);
            ids.Add(envelope.Id);
        }
        return ids;
    }

    async Task<RunningConsumer> StartConsumerAsync(string group, MessageHandler handler, int maxAttempts = 5)
    {
        var options = new ConsumerOptions(infra.KafkaBootstrapServers, $"{group}-{topic}", [topic])
        {
            MaxAttempts = maxAttempts,
            InitialBackoff = TimeSpan.FromMilliseconds(20),
        };
        var host = new ConsumerHost(options, new MessageHandlers().On(TestType, handler), producer, NullLogger<ConsumerHost>.Instance);
        await host.StartAsync(CancellationToken.None);
        return new RunningConsumer(host);
    }

    ConsumeResult<string, byte[]> ReadOne(string fromTopic)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = infra.KafkaBootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(fromTopic);
        return consumer.Consume(Deadline) ?? throw new TimeoutException($"nothing arrived on {fromTopic}");
    }

    sealed class RunningConsumer(ConsumerHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    public void Dispose() => producer.Dispose();
}
