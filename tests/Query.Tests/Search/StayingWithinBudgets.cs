using Query.Search;

namespace Query.Tests.Search;

/// <summary>A query past its time or memory budget fails with a clear status; the database keeps serving.</summary>
public sealed class StayingWithinBudgets
{
    const long Start = 1_763_020_800_000_000_000;

    static void Fill(LocalReadModel model, int rows) =>
        model.Flush(Enumerable.Range(0, rows).Select(i =>
            LocalReadModel.Record($"unique message {i} {Guid.NewGuid()} {new string('x', 200)}", Start + i * 1_000L)));

    [Fact]
    public void a_query_past_its_time_budget_is_interrupted_with_408()
    {
        using var model = new LocalReadModel();
        Fill(model, 100_000);

        var failure = Should.Throw<QueryBudgetException>(() => model.Search("| count by message", budget: TimeSpan.FromMilliseconds(5)));

        failure.Status.ShouldBe(408);
        failure.Message.ShouldContain("budget");
        ((long)model.Search("| count").Rows![0][0]!).ShouldBe(100_000);
    }

    [Fact]
    public void a_query_needing_more_memory_than_its_budget_fails_with_422_and_the_next_query_runs()
    {
        using var model = new LocalReadModel();
        Fill(model, 200_000);
        using (var lease = model.Database.Rent())
            lease.Connection.Execute("SET memory_limit = '40MB'; SET max_temp_directory_size = '0KB'");

        var failure = Should.Throw<QueryBudgetException>(() => model.Search("| count by message | limit 5"));

        failure.Status.ShouldBe(422);
        failure.Message.ShouldContain("memory");
        ((long)model.Search("| count").Rows![0][0]!).ShouldBe(200_000);
    }

    [Fact]
    public void a_histogram_with_too_many_buckets_is_refused_before_it_runs()
    {
        using var model = new LocalReadModel();
        Fill(model, 10);

        var failure = Should.Throw<QueryBudgetException>(() => model.Search("| histogram 1s", from: Start, to: Start + 86_400_000_000_000));

        failure.Status.ShouldBe(422);
        failure.Message.ShouldContain("larger interval");
    }

    [Fact]
    public void a_tenant_runs_at_most_its_share_of_queries_at_once()
    {
        var admission = new QueryAdmission(perTenant: 2);

        admission.TryEnter("a").ShouldBeTrue();
        admission.TryEnter("a").ShouldBeTrue();
        admission.TryEnter("a").ShouldBeFalse();
        admission.TryEnter("b").ShouldBeTrue();
        admission.Exit("a");
        admission.TryEnter("a").ShouldBeTrue();
    }
}
