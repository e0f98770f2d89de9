namespace BuildingBlocks.DuckDb;

/// <summary>Converts between <see cref="DateTime"/> and DuckDB's TIMESTAMP (microseconds since the Unix epoch).</summary>
/// <remarks>
/// The platform stores UTC: a local time is converted to UTC, an unspecified one is taken as UTC, and values read
/// back are <see cref="DateTimeKind.Utc"/>. Sub-microsecond ticks are floored, so earlier instants never round up.
/// </remarks>
internal static class UnixTime
{
    const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToMicros(DateTime value)
    {
        var ticks = (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - DateTime.UnixEpoch.Ticks;
        var (micros, rest) = Math.DivRem(ticks, TicksPerMicrosecond);
        return rest < 0 ? micros - 1 : micros;
    }

    public static DateTime FromMicros(long micros) =>
        new(DateTime.UnixEpoch.Ticks + micros * TicksPerMicrosecond, DateTimeKind.Utc);

    public static DateOnly FromDays(int daysSinceEpoch) =>
        DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + daysSinceEpoch);
}
