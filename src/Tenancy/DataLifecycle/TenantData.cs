using System.Collections.Immutable;
using BuildingBlocks.EventStore;

namespace Tenancy.DataLifecycle;

/// <summary>The reports of deleted data already recorded for a tenant, by message id.</summary>
public sealed record TenantData(ImmutableHashSet<string> Recorded) : IAggregate<TenantData>
{
    public static TenantData Initial { get; } = new(ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>
    /// Takes the fact itself rather than a command: Query already deleted the data, so Tenancy has nothing to refuse, whatever
    /// the tenant's status; it only drops a redelivered report.
    /// </summary>
    public static ITenantDataEvent[] Decide(ITenantDataEvent fact, TenantData state) =>
        state.Recorded.Contains(fact.MessageId) ? [] : [fact];

    public TenantData Evolve(object @event) => @event switch
    {
        ITenantDataEvent e => new(Recorded.Add(e.MessageId)),
        _ => this,
    };
}
