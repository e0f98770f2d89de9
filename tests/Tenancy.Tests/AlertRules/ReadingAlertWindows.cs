using Tenancy.AlertRules;

namespace Tenancy.Tests.AlertRules;

public sealed class ReadingAlertWindows
{
    [Theory]
    [InlineData("1m", 1)]
    [InlineData("5m", 5)]
    [InlineData("90m", 90)]
    [InlineData("1h", 60)]
    [InlineData("24h", 1440)]
    [InlineData("1440m", 1440)]
    public void reads_whole_minutes_and_hours_from_1m_to_24h(string text, int minutes)
    {
        AlertWindow.Parse(text).ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("0m")]
    [InlineData("05m")]
    [InlineData("25h")]
    [InlineData("1441m")]
    [InlineData("1d")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData(" 5m")]
    [InlineData("5M")]
    [InlineData("1.5h")]
    [InlineData("")]
    [InlineData(null)]
    public void refuses_anything_else(string? text)
    {
        AlertWindow.Parse(text).ShouldBeNull();
    }
}
