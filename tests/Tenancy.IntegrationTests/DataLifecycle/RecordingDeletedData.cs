using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BuildingBlocks.Messaging;
using Confluent.Kafka;
using Contracts;
using Contracts.Lifecycle;
using TestInfrastructure;

namespace Tenancy.IntegrationTests.DataLifecycle;

[Collection(InfrastructureCollection.Name)]
public sealed class RecordingDeletedData(TenancyApp app) : IDisposable
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    static readonly DateTimeOffset At = new(2025, 3, 2, 1, 0, 0, TimeSpan.Zero);
    readonly MessageProducer producer = new(app.Infrastructure.KafkaBootstrapServers, "data-lifecycle-test");

    [Fact]
    public async Task records_a_purge_and_the_erasure_of_a_deleted_tenant_in_its_audit_trail()
    {
        var (tenantId, key) = await app.OnboardAsync();
        var purge = Message(DataLifecycleMessageTypes.DataPurged, tenantId,
            new DataPurged(tenantId, "delete-by-query", new DateOnly(2025, 3, 1), "level:debug", "k1", 40, 1, 2, At));
        await producer.PublishAsync(Topics.DataLifecycle, purge);
        (await app.ClientWithKey(key).DeleteAsync($"/api/v1/tenants/{tenantId}")).EnsureSuccessStatusCode();
        await Eventually.Until(async () => (await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}"))
            .GetProperty("status").GetString() == "deleted", Deadline, "the saga completed the deletion");

        var erasure = Message(DataLifecycleMessageTypes.TenantDataDeleted, tenantId, new TenantDataDeleted(tenantId, 9000, 12, 30, At));
        await producer.PublishAsync(Topics.DataLifecycle, erasure);
        var entries = await AuditUntilAsync(tenantId, e => e.Any(IsType("tenant.data-purged.v1")) && e.Any(IsType("tenant.data-erased.v1")));

        var purged = entries.Single(IsType("tenant.data-purged.v1"));
        purged.GetProperty("stream").GetString().ShouldBe($"{tenantId}:data");
        purged.GetProperty("actor").GetString().ShouldBe("system:query");
        purged.GetProperty("correlationId").GetString().ShouldBe(purge.CorrelationId);
        var data = purged.GetProperty("data");
        data.GetProperty("messageId").GetString().ShouldBe(purge.Id);
        data.GetProperty("reason").GetString().ShouldBe("delete-by-query");
        data.GetProperty("day").GetString().ShouldBe("2025-03-01");
        data.GetProperty("query").GetString().ShouldBe("level:debug");
        data.GetProperty("keyId").GetString().ShouldBe("k1");
        data.GetProperty("lines").GetInt64().ShouldBe(40);
        var erased = entries.Single(IsType("tenant.data-erased.v1"));
        erased.GetProperty("actor").GetString().ShouldBe("system:query");
        erased.GetProperty("data").GetProperty("lines").GetInt64().ShouldBe(9000);
        erased.GetProperty("data").GetProperty("archiveObjects").GetInt32().ShouldBe(30);
        erased.GetProperty("position").GetInt64().ShouldBeGreaterThan(entries.Single(IsType("tenant.deleted.v1")).GetProperty("position").GetInt64());
    }

    [Fact]
    public async Task records_a_redelivered_report_once()
    {
        var (tenantId, _) = await app.OnboardAsync();
        var purge = Message(DataLifecycleMessageTypes.DataPurged, tenantId,
            new DataPurged(tenantId, "retention", new DateOnly(2025, 1, 30), null, null, 1200, 3, 1, At));
        await producer.PublishAsync(Topics.DataLifecycle, purge);
        await producer.PublishAsync(Topics.DataLifecycle, purge); // a redelivery
        // Same key, so same partition: once the marker is recorded, the redelivery before it was handled too.
        var marker = Message(DataLifecycleMessageTypes.DataPurged, tenantId,
            new DataPurged(tenantId, "retention", new DateOnly(2025, 1, 31), null, null, 7, 1, 0, At));
        await producer.PublishAsync(Topics.DataLifecycle, marker);

        var entries = await AuditUntilAsync(tenantId, e => e.Any(IsPurge(marker.Id)));

        entries.Count(IsPurge(purge.Id)).ShouldBe(1);
        entries.Count(IsType("tenant.data-purged.v1")).ShouldBe(2);
    }

    [Fact]
    public async Task dead_letters_a_report_for_a_tenant_that_never_existed()
    {
        var tenantId = "ghost-" + Guid.NewGuid().ToString("N")[..10];
        var erasure = Message(DataLifecycleMessageTypes.TenantDataDeleted, tenantId, new TenantDataDeleted(tenantId, 1, 1, 1, At));

        await producer.PublishAsync(Topics.DataLifecycle, erasure);

        var dead = ReadDeadLetter(erasure.Id);
        EnvelopeCodec.OptionalHeader(dead.Message, DeadLetterHeaders.Error)!.ShouldContain($"the tenant '{tenantId}' does not exist");
        var audit = await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit");
        audit.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task dead_letters_a_report_it_cannot_read()
    {
        var (tenantId, _) = await app.OnboardAsync();
        var unreadable = new Envelope(Guid.NewGuid().ToString("N"), DataLifecycleMessageTypes.DataPurged, tenantId, DateTimeOffset.UtcNow,
            "test", Encoding.UTF8.GetBytes($$"""{"tenantId":"{{tenantId}}","lines":5}"""));

        await producer.PublishAsync(Topics.DataLifecycle, unreadable);

        var dead = ReadDeadLetter(unreadable.Id);
        EnvelopeCodec.OptionalHeader(dead.Message, DeadLetterHeaders.ErrorType).ShouldBe(typeof(JsonException).FullName);
        var audit = await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit?limit=500");
        audit.GetProperty("items").EnumerateArray().Count(IsType("tenant.data-purged.v1")).ShouldBe(0);
    }

    static Envelope Message<T>(string type, string tenantId, T payload) =>
        Envelope.Create(type, tenantId, JsonSerializer.SerializeToUtf8Bytes(payload, JsonSerializerOptions.Web));

    static Func<JsonElement, bool> IsType(string type) => e => e.GetProperty("type").GetString() == type;

    static Func<JsonElement, bool> IsPurge(string messageId) =>
        e => IsType("tenant.data-purged.v1")(e) && e.GetProperty("data").GetProperty("messageId").GetString() == messageId;

    async Task<List<JsonElement>> AuditUntilAsync(string tenantId, Func<List<JsonElement>, bool> complete)
    {
        var entries = new List<JsonElement>();
        await Eventually.Until(async () =>
        {
            var page = await app.Operator().GetFromJsonAsync<JsonElement>($"/api/v1/tenants/{tenantId}/audit?limit=500");
            entries = page.GetProperty("items").EnumerateArray().ToList();
            return complete(entries);
        }, Deadline, "the reports reached the audit trail");
        return entries;
    }

    ConsumeResult<string, byte[]> ReadDeadLetter(string messageId)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = app.Infrastructure.KafkaBootstrapServers,
            GroupId = "reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(Topics.DeadLetter(Topics.DataLifecycle));
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { Message: not null } result
                && EnvelopeCodec.OptionalHeader(result.Message, EnvelopeCodec.IdHeader) == messageId)
                return result;
        }
        throw new TimeoutException($"message {messageId} did not reach {Topics.DeadLetter(Topics.DataLifecycle)}");
    }

    public void Dispose() => producer.Dispose();
}
