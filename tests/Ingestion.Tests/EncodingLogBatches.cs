using Contracts.Logs;

namespace Ingestion.Tests;

public sealed class EncodingLogBatches
{
    static LogRecord Record(string message, Dictionary<string, string>? attributes = null) => new()
    {
        Tenant = Requests.Tenant,
        TimestampNanos = Requests.ReceivedNanos - 1_234_567,
        ObservedNanos = Requests.ReceivedNanos,
        Level = LogLevel.Error,
        Service = "checkout",
        Host = "web-1",
        Message = message,
        TraceId = "4bf92f3577b34da6a3ce929d0e0e4736",
        SpanId = null,
        EventId = "evt-9",
        Attributes = attributes ?? LogRecord.NoAttributes,
        Source = LogSource.Elasticsearch,
    };

    [Fact]
    public void round_trips_every_field()
    {
        var batch = new LogBatch(Requests.Tenant, Guid.NewGuid(), [
            Record("first ünïcödé 😀", new() { ["http.status"] = "500", ["tags"] = "[\"a\"]" }),
            Record("") with { Service = null, Host = null, TraceId = null, EventId = null, Level = LogLevel.Trace, Source = LogSource.Clef },
            Record("observed earlier") with { ObservedNanos = Requests.ReceivedNanos - 10_000_000_000 },
        ]);

        var decoded = LogBatchCodec.Decode(LogBatchCodec.Encode(batch));

        decoded.Tenant.ShouldBe(batch.Tenant);
        decoded.BatchId.ShouldBe(batch.BatchId);
        decoded.Records.Count.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            decoded.Records[i].ShouldBe(batch.Records[i] with { Attributes = decoded.Records[i].Attributes });
            decoded.Records[i].Attributes.ShouldBe(batch.Records[i].Attributes, ignoreOrder: true);
        }
    }

    [Fact]
    public void encodes_into_exactly_the_announced_size()
    {
        var batch = new LogBatch(Requests.Tenant, Guid.NewGuid(), [Record("a"), Record("b", new() { ["k"] = "v" })]);
        var bytes = LogBatchCodec.Encode(batch);
        bytes.Length.ShouldBe(LogBatchCodec.EncodedSize(batch));
        LogBatchCodec.EncodedSize(batch).ShouldBe(3 + 1 + Requests.Tenant.Length + 16 + 1 + batch.Records.Sum(LogBatchCodec.EncodedSize));
    }

    [Fact]
    public void refuses_a_record_of_another_tenant()
    {
        var batch = new LogBatch("other", Guid.NewGuid(), [Record("mine")]);
        Should.Throw<ArgumentException>(() => LogBatchCodec.Encode(batch)).Message.ShouldContain("tenant");
    }

    [Fact]
    public void refuses_a_truncated_or_foreign_value()
    {
        var bytes = LogBatchCodec.Encode(new LogBatch(Requests.Tenant, Guid.NewGuid(), [Record("m", new() { ["k"] = "v" })]));

        for (var length = 0; length < bytes.Length; length++)
            Should.Throw<LogBatchFormatException>(() => LogBatchCodec.Decode(bytes.AsSpan(0, length)));
        Should.Throw<LogBatchFormatException>(() => LogBatchCodec.Decode("{\"json\":true}"u8));
        var newer = (byte[])bytes.Clone();
        newer[2] = 99;
        Should.Throw<LogBatchFormatException>(() => LogBatchCodec.Decode(newer)).Message.ShouldContain("version 99");
        Should.Throw<LogBatchFormatException>(() => LogBatchCodec.Decode([.. bytes, 0]));
    }

    [Fact]
    public void encodes_an_empty_batch()
    {
        var batch = new LogBatch(Requests.Tenant, Guid.NewGuid(), []);
        LogBatchCodec.Decode(LogBatchCodec.Encode(batch)).Records.ShouldBeEmpty();
    }
}
