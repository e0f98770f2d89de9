using StackExchange.Redis;

namespace ServiceDefaults;

/// <summary>
/// The one Redis connection of a service, registered by <c>AddDependencyHealthChecks(Dependency.Redis)</c> as
/// <see cref="ConnectionMultiplexer"/> and <see cref="IConnectionMultiplexer"/>. It never fails start-up: while Redis
/// is away, commands fail fast and readiness says so.
/// </summary>
public static class RedisConnection
{
    public static ConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        return ConnectionMultiplexer.Connect(options);
    }
}
