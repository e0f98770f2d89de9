using Microsoft.Extensions.Configuration;

namespace ServiceDefaults;

public static class ConnectionStrings
{
    /// <summary><c>ConnectionStrings:{name}</c>, or a start-up failure naming the environment variable to set.</summary>
    public static string Required(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"ConnectionStrings__{name} is not set.");
}
