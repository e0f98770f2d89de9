using System.Collections.Concurrent;

namespace Ingestion.Limits;

/// <summary>
/// The same buckets and quota as <see cref="RedisRateLimiter"/>, in this process only. Used while Redis is unreachable:
/// limits stay enforced per instance (a tenant may get up to N times its rate across N instances) instead of traffic
/// being dropped or let through unchecked.
/// </summary>
public sealed class LocalRateLimiter(TimeProvider clock) : IRateLimiter
{
    sealed class Buckets
    {
        public double Lines = double.NaN;
        public double Bytes = double.NaN;
        public long Stamp;
        public string Day = "";
        public long UsedToday;
    }

    readonly ConcurrentDictionary<string, Buckets> tenants = new();

    public Task<Admission> AdmitAsync(string tenantId, IngestLimits limits, int lines, long bytes, bool partial)
    {
        var buckets = tenants.GetOrAdd(tenantId, _ => new Buckets());
        lock (buckets)
        {
            var now = clock.GetUtcNow();
            var ms = now.ToUnixTimeMilliseconds();
            Refill(ref buckets.Lines, limits.LinesPerSecond, ms - buckets.Stamp);
            Refill(ref buckets.Bytes, limits.BytesPerSecond, ms - buckets.Stamp);
            buckets.Stamp = ms;
            var day = now.ToString("yyyyMMdd");
            if (buckets.Day != day) (buckets.Day, buckets.UsedToday) = (day, 0);

            var perLine = Math.Max(1.0, bytes / (double)Math.Max(lines, 1));
            var fit = (int)Math.Max(0, Math.Min(Math.Min(lines, Math.Floor(buckets.Lines)),
                Math.Min(Math.Floor(buckets.Bytes / perLine), limits.EventsPerDay - buckets.UsedToday)));
            if (!partial && fit < lines) fit = 0;

            (string? reason, TimeSpan retry) = fit == lines ? (null, TimeSpan.Zero)
                : buckets.UsedToday + lines > limits.EventsPerDay ? ("daily event quota exhausted", now.Date.AddDays(1) - now.UtcDateTime)
                : lines > buckets.Lines ? ("lines per second limit", TimeSpan.FromSeconds((lines - buckets.Lines) / limits.LinesPerSecond))
                : ("bytes per second limit", TimeSpan.FromSeconds((bytes - buckets.Bytes) / limits.BytesPerSecond));
            buckets.Lines -= fit;
            buckets.Bytes -= fit * perLine;
            buckets.UsedToday += fit;
            return Task.FromResult(new Admission(fit, (long)buckets.Lines, retry, reason));

            void Refill(ref double tokens, long rate, long elapsedMs) =>
                tokens = double.IsNaN(tokens) ? rate * IngestLimits.BurstSeconds : Math.Min(rate * IngestLimits.BurstSeconds, tokens + elapsedMs * rate / 1000.0);
        }
    }
}
