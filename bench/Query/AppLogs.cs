using Contracts.Logs;

namespace Query.Bench;

/// <summary>
/// Synthetic structured application logs: 12 services on 50 hosts, mostly info with some warn and error, messages
/// with varying values, traces of a few consecutive records (32-hex trace id, 16-hex span id) and typical attributes.
/// </summary>
static class AppLogs
{
    static readonly string[] Services =
    [
        "checkout-api", "payments", "orders", "inventory", "cart", "auth", "search", "recommendations",
        "shipping", "notifications", "gateway", "billing",
    ];
    static readonly string[] Hosts = Enumerable.Range(1, 50).Select(i => $"ip-10-0-{i / 8}-{(i * 37) % 250 + 2}").ToArray();
    static readonly string[] Regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1"];
    static readonly string[] Methods = ["GET", "GET", "GET", "POST", "POST", "PUT", "DELETE"];
    static readonly string[] Routes = ["/api/v1/orders", "/api/v1/cart", "/api/v1/products", "/api/v1/users", "/api/v1/payments"];
    static readonly string[] Tables = ["orders", "order_lines", "customers", "products", "stock_levels"];

    public static LogRecord Create(string tenant, long index, long timestampNanos, Random random)
    {
        var roll = random.Next(100);
        var level = roll < 86 ? LogLevel.Info : roll < 95 ? LogLevel.Warn : roll < 99 ? LogLevel.Error : LogLevel.Debug;
        var service = Services[random.Next(Services.Length)];
        var method = Methods[random.Next(Methods.Length)];
        var status = level switch { LogLevel.Error => random.Next(2) == 0 ? 500 : 503, LogLevel.Warn => random.Next(2) == 0 ? 404 : 429, _ => random.Next(10) == 0 ? 201 : 200 };
        var duration = level == LogLevel.Info ? random.Next(1, 250) : random.Next(200, 30_000);
        var user = random.Next(1, 200_000);
        var trace = SplitMix(index / 4);
        return new LogRecord
        {
            Tenant = tenant,
            TimestampNanos = timestampNanos,
            ObservedNanos = timestampNanos + random.Next(1, 800) * 1_000_000L,
            Level = level,
            Service = service,
            Host = Hosts[random.Next(Hosts.Length)],
            Message = Message(level, random, method, status, duration, user),
            TraceId = $"{trace:x16}{SplitMix(trace):x16}",
            SpanId = $"{SplitMix(~index):x16}",
            Attributes = AttributeMap.From([
                new("user_id", $"u-{user}"),
                new("http.method", method),
                new("http.status", status.ToString()),
                new("duration_ms", duration.ToString()),
                new("region", Regions[random.Next(Regions.Length)]),
            ]),
            Source = random.Next(4) == 0 ? LogSource.Otlp : LogSource.Native,
        };
    }

    static string Message(LogLevel level, Random random, string method, int status, int duration, int user) => level switch
    {
        LogLevel.Error => random.Next(3) switch
        {
            0 => $"failed to call {Services[random.Next(Services.Length)]}: timeout after {duration} ms (attempt {random.Next(1, 4)})",
            1 => $"unhandled exception processing order {random.Next(10_000_000)}: NullReferenceException at OrderValidator.Validate",
            _ => $"payment {random.Next(100_000_000):x8} declined by provider: code {random.Next(51, 60)}",
        },
        LogLevel.Warn => random.Next(3) switch
        {
            0 => $"slow query on {Tables[random.Next(Tables.Length)]} took {duration} ms, rows={random.Next(1, 50_000)}",
            1 => $"rate limit close for user u-{user}: {random.Next(80, 100)}% of quota used",
            _ => $"retrying {method} {Routes[random.Next(Routes.Length)]} after {status}, backoff {random.Next(100, 5_000)} ms",
        },
        _ => random.Next(5) switch
        {
            0 => $"{method} {Routes[random.Next(Routes.Length)]}/{random.Next(1_000_000)} responded {status} in {duration} ms",
            1 => $"user u-{user} signed in from 10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}",
            2 => $"cache miss for product:{random.Next(500_000)}, loaded in {duration} ms",
            3 => $"order {random.Next(10_000_000)} created with {random.Next(1, 12)} items, total {random.Next(500, 99_999) / 100.0:0.00} EUR",
            _ => $"consumer lag {random.Next(0, 5_000)} on partition {random.Next(12)}, committed offset {random.NextInt64(1_000_000_000)}",
        },
    };

    static ulong SplitMix(long value)
    {
        var z = (ulong)value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    static ulong SplitMix(ulong value) => SplitMix((long)value);
}
