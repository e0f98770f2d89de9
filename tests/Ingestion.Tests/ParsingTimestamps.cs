using Ingestion.Protocols;

namespace Ingestion.Tests;

public sealed class ParsingTimestamps
{
    [Theory]
    [InlineData("2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01T12:00:00.123456789Z", "2024-05-01T12:00:00Z", 123_456_789)]
    [InlineData("2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01T07:30:00.5-04:30", "2024-05-01T12:00:00Z", 500_000_000)]
    [InlineData("2024-05-01 12:00:00z", "2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01T12:00:00", "2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01T12:00Z", "2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01", "2024-05-01T00:00:00Z", 0)]
    [InlineData("2016-06-07T03:44:57.8532799Z", "2016-06-07T03:44:57Z", 853_279_900)]
    public void reads_rfc_3339_with_nanosecond_precision(string text, string wholeSecond, long extraNanos)
    {
        Timestamps.TryParseRfc3339(text.AsSpan(), out var nanos).ShouldBeTrue();
        nanos.ShouldBe(Requests.Nanos(wholeSecond) + extraNanos);
        Timestamps.TryParseRfc3339(Requests.Utf8(text).AsSpan(), out var fromBytes).ShouldBeTrue();
        fromBytes.ShouldBe(nanos);
    }

    [Theory]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("2024-05-01T12:00:00Q")]
    [InlineData("yesterday")]
    [InlineData("2024-05-01T12:00:00Z trailing")]
    public void refuses_what_is_not_a_date(string text) => Timestamps.TryParseRfc3339(text.AsSpan(), out _).ShouldBeFalse();

    [Theory]
    [InlineData("1714564800", 1714564800_000_000_000)]
    [InlineData("1714564800.25", 1714564800_250_000_000)]
    [InlineData("1714564800123", 1714564800_123_000_000)]
    [InlineData("1714564800123456", 1714564800_123_456_000)]
    [InlineData("1714564800123456789", 1714564800_123_456_789)]
    public void guesses_the_unit_of_an_epoch_number_from_its_magnitude(string text, long expected)
    {
        Timestamps.TryParseEpoch(text.AsSpan(), EpochUnit.Auto, out var nanos).ShouldBeTrue();
        nanos.ShouldBe(expected);
    }

    [Fact]
    public void reads_an_epoch_number_in_the_unit_it_is_told()
    {
        Timestamps.TryParseEpoch("1714564800".AsSpan(), EpochUnit.Milliseconds, out var nanos).ShouldBeTrue();
        nanos.ShouldBe(1714564800L * 1_000_000);
    }
}
