using System.Text.Json.Nodes;
using BuildingBlocks.EventStore;
using Npgsql;
using TestInfrastructure;

namespace BuildingBlocks.IntegrationTests.EventStore;

[Collection(InfrastructureCollection.Name)]
public sealed class StoringEvents(InfrastructureFixture infra) : IAsyncLifetime
{
    static readonly EventMetadata Metadata = new("test", "corr-1");
    readonly NpgsqlDataSource db = NpgsqlDataSource.Create(infra.PostgresConnectionString);
    readonly string stream = "counter-" + Guid.NewGuid().ToString("N");

    static EventTypeRegistry Types() => new EventTypeRegistry()
        .Register<CounterStarted>("counter.started.v1")
        .Register<CounterIncremented>("counter.incremented.v2");

    PostgresEventStore Store(EventTypeRegistry? types = null) => new(db, types ?? Types(), []);

    public Task InitializeAsync() => Schema.MigrateAsync(db, "tests", [], CancellationToken.None);
    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task loads_a_stream_by_folding_its_events_in_order()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c"), new CounterIncremented(2)], Metadata);
        await store.AppendAsync(stream, ExpectedVersion.Exactly(2), [new CounterIncremented(3)], Metadata);

        var (state, version) = await store.LoadAsync<Counter>(stream);

        state.ShouldBe(new Counter("c", 5));
        version.ShouldBe(3);
    }

    [Fact]
    public async Task decides_again_on_the_fresher_state_when_a_write_slips_in_and_no_version_was_named()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c")], Metadata);
        var seen = new List<int>();

        var decision = await store.DecideAsync<Counter>(stream, ExpectedVersion.Any, state =>
        {
            seen.Add(state.Value);
            if (seen.Count == 1) // another writer appends between this load and this append
                store.AppendAsync(stream, ExpectedVersion.Any, [new CounterIncremented(10)], Metadata).GetAwaiter().GetResult();
            return [new CounterIncremented(1)];
        }, Metadata);

        seen.ShouldBe([0, 10]);
        decision.State.Value.ShouldBe(11);
        (await store.LoadAsync<Counter>(stream)).Version.ShouldBe(3);
    }

    [Fact]
    public async Task leaves_the_conflict_to_a_caller_who_named_a_version()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c")], Metadata);

        await Should.ThrowAsync<ConcurrencyException>(() => store.DecideAsync<Counter>(stream, ExpectedVersion.Exactly(1), _ =>
        {
            store.AppendAsync(stream, ExpectedVersion.Any, [new CounterIncremented(10)], Metadata).GetAwaiter().GetResult();
            return [new CounterIncremented(1)];
        }, Metadata));
    }

    [Fact]
    public async Task refuses_an_append_at_a_stale_expected_version()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c")], Metadata);

        await Should.ThrowAsync<ConcurrencyException>(() =>
            store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("again")], Metadata));
        (await store.LoadAsync<Counter>(stream)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task lets_exactly_one_of_many_concurrent_writers_win()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c")], Metadata);

        var attempts = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(stream, ExpectedVersion.Exactly(1), [new CounterIncremented(1)], Metadata);
                return true;
            }
            catch (ConcurrencyException)
            {
                return false;
            }
        })).ToArray();

        (await Task.WhenAll(attempts)).Count(won => won).ShouldBe(1);
        (await store.LoadAsync<Counter>(stream)).State.Value.ShouldBe(1);
    }

    [Fact]
    public async Task keeps_old_streams_loadable_after_an_event_type_is_renamed_with_an_upcaster()
    {
        var before = new EventTypeRegistry().Register<CounterStarted>("counter.started.v1").Register<CounterBumped>("counter.bumped.v1");
        await Store(before).AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("old"), new CounterBumped(4)], Metadata);

        var after = Types().Upcast("counter.bumped.v1", "counter.incremented.v2", json => new JsonObject { ["by"] = json["amount"]!.GetValue<int>() });
        var (state, _) = await Store(after).LoadAsync<Counter>(stream);

        state.ShouldBe(new Counter("old", 4));
    }

    [Fact]
    public async Task records_who_caused_each_event()
    {
        var store = Store();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, [new CounterStarted("c")], new EventMetadata("key:abc", "corr-9", "cause-1"));

        var stored = await store.ReadStreamAsync(stream).SingleAsync();

        stored.Metadata.ShouldBe(new EventMetadata("key:abc", "corr-9", "cause-1"));
        stored.Type.ShouldBe("counter.started.v1");
    }
}
