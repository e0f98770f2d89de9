using System.Globalization;
using System.Text;

namespace Contracts.Logs;

/// <summary>
/// The per-record rules every intake protocol applies. Each check returns <c>null</c> when the record passes, or the
/// reason it is rejected, written for the sender to read.
/// </summary>
public static class LogRecordValidation
{
    public static string? Check(LogRecord record, long nowNanos, LogRecordLimits limits) =>
        CheckMessage(record.Message, limits) ?? CheckTimestamp(record.TimestampNanos, nowNanos, limits);

    public static string? CheckMessage(string message, LogRecordLimits limits)
    {
        // UTF-8 needs at least one byte per char and at most three per UTF-16 char, so most messages need no counting.
        if ((long)message.Length * 3 <= limits.MaxMessageBytes) return null;
        var bytes = message.Length > limits.MaxMessageBytes ? message.Length : Encoding.UTF8.GetByteCount(message);
        return bytes <= limits.MaxMessageBytes ? null
            : string.Create(CultureInfo.InvariantCulture, $"message is larger than the {limits.MaxMessageBytes}-byte limit");
    }

    public static string? CheckTimestamp(long timestampNanos, long nowNanos, LogRecordLimits limits)
    {
        var ahead = timestampNanos - nowNanos;
        if (ahead > ToNanos(limits.MaxFuture))
            return $"timestamp {Describe(timestampNanos)} is more than {Describe(limits.MaxFuture)} in the future";
        if (-ahead > ToNanos(limits.MaxAge))
            return $"timestamp {Describe(timestampNanos)} is more than {Describe(limits.MaxAge)} in the past";
        return null;
    }

    static long ToNanos(TimeSpan span) => span.Ticks * 100;

    static string Describe(long unixNanos) =>
        DateTime.UnixEpoch.AddTicks(Math.Clamp(unixNanos / 100, -DateTime.UnixEpoch.Ticks, DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks))
            .ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    static string Describe(TimeSpan span) => span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays)
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} day{(span.TotalDays == 1 ? "" : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.##} h");
}
