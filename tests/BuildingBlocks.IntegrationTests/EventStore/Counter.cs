using BuildingBlocks.EventStore;

namespace BuildingBlocks.IntegrationTests.EventStore;

public sealed record CounterStarted(string Name);
public sealed record CounterIncremented(int By);
/// <summary>What CounterIncremented was called before it was renamed; only old streams contain it.</summary>
public sealed record CounterBumped(int Amount);

public sealed record Counter(string Name, int Value) : IAggregate<Counter>
{
    public static Counter Initial { get; } = new("", 0);

    public Counter Evolve(object @event) => @event switch
    {
        CounterStarted e => new(e.Name, 0),
        CounterIncremented e => this with { Value = Value + e.By },
        _ => this,
    };
}
