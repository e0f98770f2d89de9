using System.Collections.Concurrent;

namespace Query.Search;

/// <summary>At most <see cref="PerTenant"/> queries of one tenant run at once, so one tenant cannot take every core.</summary>
public sealed class QueryAdmission(int perTenant)
{
    readonly ConcurrentDictionary<string, int> running = new();

    public int PerTenant => perTenant;

    public bool TryEnter(string tenant)
    {
        while (true)
        {
            var current = running.GetOrAdd(tenant, 0);
            if (current >= perTenant) return false;
            if (running.TryUpdate(tenant, current + 1, current)) return true;
        }
    }

    public void Exit(string tenant) => running.AddOrUpdate(tenant, 0, (_, current) => Math.Max(0, current - 1));
}
