using Ingestion.Limits;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Ingestion.Tests;

/// <summary>The in-process limiter that takes over while Redis is unreachable, and the switch to it.</summary>
public sealed class LimitingWithoutRedis
{
    static readonly IngestLimits Limits = new(LinesPerSecond: 100, BytesPerSecond: 1_000_000, EventsPerDay: 10_000);

    sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task admits_a_burst_of_five_seconds_then_only_what_has_refilled()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var limiter = new LocalRateLimiter(clock);

        (await limiter.AdmitAsync("t", Limits, 500, 5_000, partial: true)).Lines.ShouldBe(500);
        var refused = await limiter.AdmitAsync("t", Limits, 10, 100, partial: true);
        clock.Now += TimeSpan.FromSeconds(1);
        var refilled = await limiter.AdmitAsync("t", Limits, 150, 1_500, partial: true);

        refused.Lines.ShouldBe(0);
        refused.Reason.ShouldBe("lines per second limit");
        refused.RetryAfter.ShouldBeGreaterThan(TimeSpan.Zero);
        refilled.Lines.ShouldBe(100, "one second refills 100 lines");
    }

    [Fact]
    public async Task admits_all_or_nothing_when_the_protocol_cannot_report_per_record()
    {
        var limiter = new LocalRateLimiter(TimeProvider.System);
        await limiter.AdmitAsync("t", Limits, 450, 4_500, partial: true);

        (await limiter.AdmitAsync("t", Limits, 100, 1_000, partial: false)).Lines.ShouldBe(0);
        (await limiter.AdmitAsync("t", Limits, 40, 400, partial: false)).Lines.ShouldBe(40);
    }

    [Fact]
    public async Task stops_at_the_daily_quota_until_the_next_day()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero));
        var limiter = new LocalRateLimiter(clock);
        var small = Limits with { EventsPerDay = 300 };

        (await limiter.AdmitAsync("t", small, 300, 3_000, partial: true)).Lines.ShouldBe(300);
        clock.Now += TimeSpan.FromSeconds(10);
        var exhausted = await limiter.AdmitAsync("t", small, 1, 10, partial: true);
        clock.Now += TimeSpan.FromHours(1);
        var nextDay = await limiter.AdmitAsync("t", small, 1, 10, partial: true);

        exhausted.Lines.ShouldBe(0);
        exhausted.Reason.ShouldBe("daily event quota exhausted");
        nextDay.Lines.ShouldBe(1);
    }

    [Fact]
    public async Task keeps_tenants_apart()
    {
        var limiter = new LocalRateLimiter(TimeProvider.System);
        await limiter.AdmitAsync("a", Limits, 500, 5_000, partial: true);

        (await limiter.AdmitAsync("b", Limits, 500, 5_000, partial: true)).Lines.ShouldBe(500);
    }

    [Fact]
    public async Task falls_back_to_this_instance_and_reports_degraded_while_redis_is_unreachable()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        options.SyncTimeout = 200;
        using var unreachable = ConnectionMultiplexer.Connect(options);
        var limiter = new ResilientRateLimiter(new RedisRateLimiter(unreachable), new LocalRateLimiter(TimeProvider.System),
            NullLogger<ResilientRateLimiter>.Instance);

        var admission = await limiter.AdmitAsync("t", Limits, 600, 6_000, partial: true);
        var health = await limiter.CheckHealthAsync(new HealthCheckContext());

        admission.Lines.ShouldBe(500, "the local limiter still enforces the plan");
        health.Status.ShouldBe(HealthStatus.Degraded);
    }
}
