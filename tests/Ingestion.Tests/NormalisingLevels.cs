using Contracts.Logs;

namespace Ingestion.Tests;

public sealed class NormalisingLevels
{
    [Theory]
    [InlineData("WARNING", LogLevel.Warn)]
    [InlineData("warn", LogLevel.Warn)]
    [InlineData("W", LogLevel.Warn)]
    [InlineData("Warning", LogLevel.Warn)]
    [InlineData("err", LogLevel.Error)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("fail", LogLevel.Error)]
    [InlineData("critical", LogLevel.Fatal)]
    [InlineData("crit", LogLevel.Fatal)]
    [InlineData("fatal", LogLevel.Fatal)]
    [InlineData("panic", LogLevel.Fatal)]
    [InlineData("emerg", LogLevel.Fatal)]
    [InlineData("alert", LogLevel.Fatal)]
    [InlineData("notice", LogLevel.Info)]
    [InlineData("information", LogLevel.Info)]
    [InlineData("Information", LogLevel.Info)]
    [InlineData("INF", LogLevel.Info)]
    [InlineData("dbg", LogLevel.Debug)]
    [InlineData("dbug", LogLevel.Debug)]
    [InlineData("verbose", LogLevel.Trace)]
    [InlineData("Verbose", LogLevel.Trace)]
    [InlineData("trace", LogLevel.Trace)]
    [InlineData("  Error  ", LogLevel.Error)]
    public void maps_common_spellings(string spelling, LogLevel expected)
    {
        LogLevels.TryNormalize(spelling, out var level).ShouldBeTrue();
        level.ShouldBe(expected);
    }

    [Theory]
    [InlineData("Verbose", LogLevel.Trace)]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("Information", LogLevel.Info)]
    [InlineData("Warning", LogLevel.Warn)]
    [InlineData("Error", LogLevel.Error)]
    [InlineData("Fatal", LogLevel.Fatal)]
    [InlineData("VRB", LogLevel.Trace)]
    [InlineData("FTL", LogLevel.Fatal)]
    public void maps_serilog_level_names(string serilog, LogLevel expected) => LogLevels.Normalize(serilog).ShouldBe(expected);

    [Theory]
    [InlineData("0", LogLevel.Fatal)]
    [InlineData("1", LogLevel.Fatal)]
    [InlineData("2", LogLevel.Fatal)]
    [InlineData("3", LogLevel.Error)]
    [InlineData("4", LogLevel.Warn)]
    [InlineData("5", LogLevel.Info)]
    [InlineData("6", LogLevel.Info)]
    [InlineData("7", LogLevel.Debug)]
    public void reads_numbers_up_to_seven_as_syslog_severities(string severity, LogLevel expected) =>
        LogLevels.Normalize(severity).ShouldBe(expected);

    [Theory]
    [InlineData("9", LogLevel.Info)]
    [InlineData("13", LogLevel.Warn)]
    [InlineData("17", LogLevel.Error)]
    [InlineData("24", LogLevel.Fatal)]
    public void reads_larger_numbers_as_otlp_severity_numbers(string severity, LogLevel expected) =>
        LogLevels.Normalize(severity).ShouldBe(expected);

    [Theory]
    [InlineData(1, LogLevel.Trace)]
    [InlineData(4, LogLevel.Trace)]
    [InlineData(5, LogLevel.Debug)]
    [InlineData(8, LogLevel.Debug)]
    [InlineData(9, LogLevel.Info)]
    [InlineData(12, LogLevel.Info)]
    [InlineData(13, LogLevel.Warn)]
    [InlineData(17, LogLevel.Error)]
    [InlineData(20, LogLevel.Error)]
    [InlineData(21, LogLevel.Fatal)]
    [InlineData(24, LogLevel.Fatal)]
    public void maps_every_otlp_severity_range(int severityNumber, LogLevel expected) =>
        LogLevels.FromOtlpSeverity(severityNumber).ShouldBe(expected);

    [Fact]
    public void an_unspecified_otlp_severity_has_no_level() => LogLevels.FromOtlpSeverity(0).ShouldBeNull();

    [Theory]
    [InlineData("loud")]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("a-very-long-level-name-nobody-uses")]
    public void does_not_recognise_unknown_spellings_and_falls_back_to_info(string spelling)
    {
        LogLevels.TryNormalize(spelling, out _).ShouldBeFalse();
        LogLevels.Normalize(spelling).ShouldBe(LogLevel.Info);
    }

    [Fact]
    public void reads_utf8_bytes_like_text()
    {
        LogLevels.TryNormalize("WARNING"u8, out var level).ShouldBeTrue();
        level.ShouldBe(LogLevel.Warn);
        LogLevels.TryNormalize("ünknown"u8, out _).ShouldBeFalse();
    }
}
