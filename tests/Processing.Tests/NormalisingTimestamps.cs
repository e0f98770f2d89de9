using Contracts.Config;

namespace Processing.Tests;

public sealed class NormalisingTimestamps
{
    [Theory]
    [InlineData("2024-05-01T12:00:00Z", 0)]
    [InlineData("2024-05-01t12:00:00.123456789z", 123_456_789)]
    [InlineData("2024-05-01 14:00:00+02:00", 0)]
    [InlineData("2024-05-01T07:30:00-0430", 0)]
    [InlineData("2024-05-01T12:00:00", 0)]
    [InlineData("2024-05-01T12:00:00,5Z", 500_000_000)]
    [InlineData("1714564800", 0)]
    [InlineData("1714564800.25", 250_000_000)]
    [InlineData("1714564800123", 123_000_000)]
    [InlineData("1714564800123456", 123_456_000)]
    [InlineData("1714564800123456789", 123_456_789)]
    public void reads_rfc_3339_and_epoch_seconds_to_nanoseconds(string text, long nanosAfterNoon)
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept(Pipelines.Record($"timestamp=\"{text}\"") with { TimestampNanos = 0 });

        record.TimestampNanos.ShouldBe(Pipelines.Noon + nanosAfterNoon);
        record.Own().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30")]
    [InlineData("2024-05-01T25:00:00Z")]
    [InlineData("99999999999999999999999")]
    public void keeps_text_that_is_no_timestamp_as_an_attribute(string text)
    {
        var record = Pipelines.Of(new ParseStage("logfmt")).Kept($"timestamp=\"{text}\"");

        record.TimestampNanos.ShouldBe(Pipelines.Noon);
        record.Attributes["timestamp"].ShouldBe(text);
    }
}
