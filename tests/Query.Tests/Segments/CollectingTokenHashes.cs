using Query.Segments;

namespace Query.Tests.Segments;

public class CollectingTokenHashes
{
    [Fact]
    public void keeps_each_hash_once_in_order_of_first_addition()
    {
        var hashes = new TokenHashes();

        hashes.Add(30).ShouldBeTrue();
        hashes.Add(10).ShouldBeTrue();
        hashes.Add(30).ShouldBeFalse();
        hashes.Add(0).ShouldBeTrue();
        hashes.Add(0).ShouldBeFalse();

        hashes.AsSpan().ToArray().ShouldBe([30UL, 10UL, 0UL]);
        hashes.Count.ShouldBe(3);
    }

    [Fact]
    public void grows_past_its_expected_size_without_losing_a_hash()
    {
        var hashes = new TokenHashes(expectedCount: 4);
        var random = new Random(1);
        var added = Enumerable.Range(0, 50_000).Select(_ => (ulong)random.NextInt64()).ToList();

        foreach (var hash in added.Concat(added))
            hashes.Add(hash);

        hashes.AsSpan().ToArray().ShouldBe(added.Distinct().ToArray());
        added.ShouldAllBe(h => hashes.Contains(h));
    }

    [Fact]
    public void forgets_everything_when_cleared_and_can_be_reused()
    {
        var hashes = new TokenHashes();
        foreach (var hash in new ulong[] { 0, 1, 2, 3 })
            hashes.Add(hash);

        hashes.Clear();

        hashes.Count.ShouldBe(0);
        hashes.Contains(2).ShouldBeFalse();
        hashes.Contains(0).ShouldBeFalse();
        hashes.Add(2).ShouldBeTrue();
        hashes.Add(0).ShouldBeTrue();
        var seen = new List<ulong>();
        foreach (var hash in hashes)
            seen.Add(hash);
        seen.ShouldBe([2UL, 0UL]);
    }
}
