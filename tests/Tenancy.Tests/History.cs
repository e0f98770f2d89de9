using BuildingBlocks.EventStore;

namespace Tenancy.Tests;

/// <summary>An aggregate as its stream's events leave it: the "given" of a decide test.</summary>
static class History
{
    public static T Of<T>(params object[] events) where T : IAggregate<T> => events.Aggregate(T.Initial, (state, e) => state.Evolve(e));
}
