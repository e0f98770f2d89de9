namespace BuildingBlocks.Tests.TenantConfig;

/// <summary>A clock the test moves by hand, so expiry is judged at a chosen instant.</summary>
sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    long ticks;

    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by)
    {
        now += by;
        ticks += by.Ticks;
    }
}
