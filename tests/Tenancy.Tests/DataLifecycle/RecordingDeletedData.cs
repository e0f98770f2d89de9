using Tenancy.DataLifecycle;

namespace Tenancy.Tests.DataLifecycle;

public sealed class RecordingDeletedData
{
    static readonly DateTimeOffset At = new(2025, 3, 2, 1, 0, 0, TimeSpan.Zero);
    static readonly TenantDataPurged Retention = new("m1", "retention", new DateOnly(2025, 1, 30), null, null, 1200, 3, 1, At);
    static readonly TenantDataPurged ByQuery = new("m2", "delete-by-query", new DateOnly(2025, 3, 1), "level:debug", "k1", 40, 1, 0, At);
    static readonly TenantDataErased Erased = new("m3", 9000, 12, 30, At);

    [Fact]
    public void a_first_report_is_recorded_as_it_is()
    {
        TenantData.Decide(Retention, TenantData.Initial).ShouldBe([Retention]);
    }

    [Fact]
    public void a_redelivered_report_records_nothing()
    {
        var state = History.Of<TenantData>(Retention, ByQuery);

        TenantData.Decide(Retention with { }, state).ShouldBeEmpty();
        TenantData.Decide(ByQuery, state).ShouldBeEmpty();
    }

    [Fact]
    public void another_report_of_the_same_day_is_recorded_too()
    {
        var again = Retention with { MessageId = "m4" };

        TenantData.Decide(again, History.Of<TenantData>(Retention)).ShouldBe([again]);
    }

    [Fact]
    public void the_erasure_is_recorded_after_the_purges_and_only_once()
    {
        var state = History.Of<TenantData>(Retention, ByQuery);

        TenantData.Decide(Erased, state).ShouldBe([Erased]);
        TenantData.Decide(Erased, state.Evolve(Erased)).ShouldBeEmpty();
    }

    [Fact]
    public void remembers_every_recorded_message_id()
    {
        History.Of<TenantData>(Retention, ByQuery, Erased).Recorded.ShouldBe(["m1", "m2", "m3"], ignoreOrder: true);
    }
}
