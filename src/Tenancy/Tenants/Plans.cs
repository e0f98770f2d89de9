using Contracts.Config;

namespace Tenancy.Tenants;

/// <summary>What each plan allows. Ingestion and Query enforce these from the config cache.</summary>
public static class Plans
{
    public const string Free = "free";
    public const string Standard = "standard";
    public const string Enterprise = "enterprise";

    public static readonly IReadOnlyDictionary<string, PlanQuotas> Quotas = new Dictionary<string, PlanQuotas>
    {
        [Free] = new(EventsPerDay: 1_000_000, IngestBytesPerSecond: 1 << 20, LinesPerSecond: 1_000, MaxQueryRangeDays: 7),
        [Standard] = new(EventsPerDay: 100_000_000, IngestBytesPerSecond: 20 << 20, LinesPerSecond: 50_000, MaxQueryRangeDays: 31),
        [Enterprise] = new(EventsPerDay: 5_000_000_000, IngestBytesPerSecond: 200 << 20, LinesPerSecond: 500_000, MaxQueryRangeDays: 365),
    };

    public static bool Exists(string? plan) => plan is not null && Quotas.ContainsKey(plan);
}
