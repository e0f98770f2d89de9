namespace BuildingBlocks.Messaging;

public static class Backoff
{
    /// <summary>initial, 2×initial, 4×initial … capped at <paramref name="max"/>, for the n-th failed attempt (from 1).</summary>
    public static TimeSpan Exponential(TimeSpan initial, TimeSpan max, int failedAttempts) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, initial.Ticks * (1L << Math.Clamp(failedAttempts - 1, 0, 20))));
}
