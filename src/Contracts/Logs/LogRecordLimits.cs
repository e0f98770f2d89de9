namespace Contracts.Logs;

/// <summary>What a single record may be before intake rejects it (see <see cref="LogRecordValidation"/>).</summary>
public sealed record LogRecordLimits
{
    public static readonly LogRecordLimits Default = new();

    /// <summary>Largest message, in UTF-8 bytes.</summary>
    public int MaxMessageBytes { get; init; } = 64 * 1024;

    /// <summary>How far ahead of the intake clock a timestamp may be (clock skew on the sender).</summary>
    public TimeSpan MaxFuture { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How far behind the intake clock a timestamp may be; older data belongs in a backfill, not live intake.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);
}
