using System.Text;
using Contracts.Logs;
using Ingestion.Protocols;
using Ingestion.Protocols.Native;

namespace Ingestion.Tests;

public sealed class ValidatingRecords
{
    static ParseResult Parse(byte[] body, LogRecordLimits? limits = null) =>
        NativeLogParser.Parse(body, limits is null ? Requests.Context : Requests.Context with { Limits = limits });

    [Fact]
    public void rejects_a_message_over_64_kib_and_keeps_its_neighbours()
    {
        var huge = new string('x', 64 * 1024 + 1);
        var exact = new string('y', 64 * 1024);
        var result = Parse(Requests.Utf8($$"""[{"message":"small"},{"message":"{{huge}}"},{"message":"{{exact}}"}]"""));

        result.Accepted.Select(r => r.Message.Length).ShouldBe([5, 64 * 1024]);
        var rejected = result.Rejected.ShouldHaveSingleItem();
        rejected.Index.ShouldBe(1);
        rejected.Reason.ShouldContain("65536-byte limit");
    }

    [Fact]
    public void counts_the_message_limit_in_utf8_bytes()
    {
        var threeByteChars = new string('€', 22_000); // 66,000 bytes in 22,000 chars
        Parse(Requests.Utf8($$"""{"message":"{{threeByteChars}}"}""")).Rejected.ShouldHaveSingleItem();
    }

    [Fact]
    public void strips_null_bytes_from_text()
    {
        var record = Requests.Single(Parse(Requests.Utf8("""{"message":"nul\u0000here","metadata":{"k":"v\u0000"}}""")));
        record.Message.ShouldBe("nulhere");
        record.Attributes["k"].ShouldBe("v");
    }

    [Fact]
    public void replaces_invalid_utf8_with_the_replacement_character()
    {
        var body = Concat("{\"message\":\"bad ", new byte[] { 0xC3, 0x28 }, " byte\",\"metadata\":{\"k\":\"\\n", new byte[] { 0xFF }, "\"}}");
        var record = Requests.Single(Parse(body));
        record.Message.ShouldBe("bad \uFFFD( byte");
        record.Attributes["k"].ShouldBe("\n\uFFFD");
    }

    [Fact]
    public void rejects_timestamps_too_far_in_the_future_or_past()
    {
        var result = Parse(Requests.Utf8("""
            {"message":"future ok","timestamp":"2024-05-01T13:59:00Z"}
            {"message":"future","timestamp":"2024-05-01T14:00:01Z"}
            {"message":"past ok","timestamp":"2024-04-24T12:00:01Z"}
            {"message":"past","timestamp":"2024-04-24T11:59:59Z"}
            """));

        result.Accepted.Select(r => r.Message).ShouldBe(["future ok", "past ok"]);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 3]);
        result.Rejected[0].Reason.ShouldContain("in the future");
        result.Rejected[1].Reason.ShouldContain("in the past");
    }

    [Fact]
    public void takes_the_time_window_from_the_limits()
    {
        var limits = new LogRecordLimits { MaxAge = TimeSpan.FromDays(30), MaxFuture = TimeSpan.FromMinutes(1) };
        var result = Parse(Requests.Utf8("""
            {"message":"old but allowed","timestamp":"2024-04-10T12:00:00Z"}
            {"message":"too far ahead","timestamp":"2024-05-01T12:05:00Z"}
            """), limits);

        result.Accepted.ShouldHaveSingleItem().Message.ShouldBe("old but allowed");
        result.Rejected.ShouldHaveSingleItem().Reason.ShouldContain("more than 0.02 h in the future");
    }

    [Fact]
    public void checks_a_record_on_its_own()
    {
        var record = new LogRecord { Tenant = "t", TimestampNanos = Requests.Nanos(TimeSpan.FromDays(-8)), ObservedNanos = 0, Source = LogSource.Native };
        LogRecordValidation.Check(record, Requests.ReceivedNanos, LogRecordLimits.Default)!.ShouldContain("more than 7 days in the past");
        LogRecordValidation.Check(record with { TimestampNanos = Requests.ReceivedNanos }, Requests.ReceivedNanos, LogRecordLimits.Default).ShouldBeNull();
    }

    static byte[] Concat(params object[] parts) =>
        parts.SelectMany(part => part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part).ToArray();
}
