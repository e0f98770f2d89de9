using Query.Tail;
using static Query.Tests.Tail.TailFilters;

namespace Query.Tests.Tail;

/// <summary>
/// A tail that reads too slowly loses lines rather than holding up the indexer or growing without bound, and is told
/// exactly how many it lost, exactly where in the stream.
/// </summary>
public sealed class DroppingLinesForSlowTails
{
    static string Describe(TailEntry entry) => entry.IsDropNotice ? $"dropped {entry.Dropped}" : entry.Line!.Message;

    static List<string> Drain(TailSubscription tail)
    {
        var entries = new List<string>();
        while (tail.TryRead(out var entry)) entries.Add(Describe(entry));
        return entries;
    }

    [Fact]
    public void a_full_buffer_drops_lines_and_the_notice_follows_the_lines_buffered_before_them()
    {
        var hub = new TailHub(bufferSize: 10, maxTailsPerTenant: 10);
        hub.TrySubscribe("acme", LineMatcher.Everything, out var tail).ShouldBeTrue();
        using var _ = tail;

        for (var i = 0; i < 25; i++) hub.Publish("acme", Line($"#{i}"));

        tail.Buffered.ShouldBe(10);
        Drain(tail).ShouldBe([.. Enumerable.Range(0, 10).Select(i => $"#{i}"), "dropped 15"]);
        hub.Publish("acme", Line("#25"));
        Drain(tail).ShouldBe(["#25"]);
    }

    [Fact]
    public void lines_after_a_gap_come_after_its_notice_even_while_older_lines_are_still_buffered()
    {
        var hub = new TailHub(bufferSize: 10, maxTailsPerTenant: 10);
        hub.TrySubscribe("acme", LineMatcher.Everything, out var tail).ShouldBeTrue();
        using var _ = tail;
        for (var i = 0; i < 25; i++) hub.Publish("acme", Line($"#{i}"));

        for (var i = 0; i < 3; i++) tail.TryRead(out var _).ShouldBeTrue();
        for (var i = 25; i < 30; i++) hub.Publish("acme", Line($"#{i}"));

        tail.Buffered.ShouldBeLessThanOrEqualTo(10);
        // Three places freed: the notice and #25 take two, #26 the third; #27 to #29 are dropped in turn.
        Drain(tail).ShouldBe([.. Enumerable.Range(3, 7).Select(i => $"#{i}"), "dropped 15", "#25", "#26", "dropped 3"]);
    }

    [Fact]
    public void only_matching_lines_count_as_dropped()
    {
        var hub = new TailHub(bufferSize: 2, maxTailsPerTenant: 10);
        hub.TrySubscribe("acme", Matcher(Eq("service", "api")), out var tail).ShouldBeTrue();
        using var _ = tail;

        for (var i = 0; i < 10; i++) hub.Publish("acme", Line($"#{i}", service: i % 2 == 0 ? "api" : "web"));

        Drain(tail).ShouldBe(["#0", "#2", "dropped 3"]);
    }

    [Fact]
    public void a_line_whose_regex_runs_out_of_time_is_counted_as_missed_at_once()
    {
        var hub = new TailHub(bufferSize: 10, maxTailsPerTenant: 10);
        // A whole-line pattern makes the engine walk all 100,000 characters, so 100 ns cannot be enough.
        var outOfTime = LineMatcher.Compile(Like("message", "^(a|b)*$"), TimeSpan.FromTicks(1));
        hub.TrySubscribe("acme", outOfTime, out var tail).ShouldBeTrue();
        using var _ = tail;

        hub.Publish("acme", Line(string.Concat(Enumerable.Repeat("ab", 50_000))));

        Drain(tail).ShouldBe(["dropped 1"]);
    }

    [Fact]
    public async Task publishing_never_waits_for_tails_that_do_not_read()
    {
        var hub = new TailHub(bufferSize: 1000, maxTailsPerTenant: 10);
        var tails = Enumerable.Range(0, 10).Select(_ => hub.TrySubscribe("acme", LineMatcher.Everything, out var t) ? t : null!).ToList();
        var line = Line("flood");

        await Task.Run(() =>
        {
            for (var i = 0; i < 200_000; i++) hub.Publish("acme", line);
        }).WaitAsync(TimeSpan.FromSeconds(30));

        foreach (var tail in tails)
        {
            tail.Buffered.ShouldBe(1000);
            var entries = new List<TailEntry>();
            while (tail.TryRead(out var entry)) entries.Add(entry);
            entries.Count(e => !e.IsDropNotice).ShouldBe(1000);
            entries[^1].Dropped.ShouldBe(199_000);
            tail.Dispose();
        }
    }

    [Fact]
    public async Task every_line_is_delivered_or_counted_in_place_while_a_reader_keeps_up_only_partly()
    {
        const int Lines = 200_000;
        var hub = new TailHub(bufferSize: 64, maxTailsPerTenant: 10);
        hub.TrySubscribe("acme", LineMatcher.Everything, out var tail).ShouldBeTrue();
        using var _ = tail;
        var lines = Enumerable.Range(0, Lines).Select(i => Line(i.ToString())).ToArray();

        long next = 0, delivered = 0, notices = 0;
        var reading = Task.Run(async () =>
        {
            await foreach (var entry in tail.ReadAllAsync())
            {
                if (entry.IsDropNotice)
                {
                    entry.Dropped.ShouldBeGreaterThan(0);
                    next += entry.Dropped;
                    notices++;
                }
                else
                {
                    // A line must be the very next one: anything skipped before it was announced by a notice.
                    long.Parse(entry.Line!.Message).ShouldBe(next);
                    next++;
                    delivered++;
                }
                if (next == Lines) return;
            }
        });
        await Task.Run(() =>
        {
            foreach (var line in lines) hub.Publish("acme", line);
        });

        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        next.ShouldBe(Lines);
        delivered.ShouldBeGreaterThan(0);
        notices.ShouldBeGreaterThan(0, "the publisher outran the reader at least once");
    }
}
