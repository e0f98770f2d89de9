using Query.Segments;

namespace Query.Tests.Segments;

public class FilteringWithABloom
{
    static (BloomFilter Bloom, ulong[] Added) Filled(int count, int seed)
    {
        var random = new Random(seed);
        var hashes = new TokenHashes();
        while (hashes.Count < count)
            hashes.Add((ulong)random.NextInt64(long.MinValue, long.MaxValue));
        return (BloomFilter.Build(hashes), hashes.AsSpan().ToArray());
    }

    [Fact]
    public void never_forgets_a_token_it_was_built_with()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var random = new Random(seed);
            var words = Enumerable.Range(0, random.Next(1, 3_000)).Select(i => $"tok{random.Next()}_{i}").ToList();
            var hashes = new TokenHashes();
            foreach (var word in words)
                hashes.Add(Tokens.HashesOf(word).Single());

            var bloom = BloomFilter.Build(hashes);

            words.ShouldAllBe(w => bloom.MightContain(Tokens.HashesOf(w).Single()));
            bloom.MightContainAll(hashes.AsSpan()).ShouldBeTrue();
        }
    }

    [Fact]
    public void lets_about_one_percent_of_absent_hashes_through()
    {
        var (bloom, added) = Filled(10_000, seed: 42);
        var present = added.ToHashSet();
        var random = new Random(43);

        int probes = 0, falsePositives = 0;
        while (probes < 100_000)
        {
            var hash = (ulong)random.NextInt64(long.MinValue, long.MaxValue);
            if (present.Contains(hash))
                continue;
            probes++;
            if (bloom.MightContain(hash))
                falsePositives++;
        }

        (falsePositives / (double)probes).ShouldBeLessThan(0.02);
    }

    [Fact]
    public void uses_ten_bits_per_hash_in_whole_words_and_never_less_than_one_word()
    {
        Filled(0, 1).Bloom.WordCount.ShouldBe(1);
        Filled(6, 1).Bloom.WordCount.ShouldBe(1);
        Filled(7, 1).Bloom.WordCount.ShouldBe(2);
        Filled(10_000, 1).Bloom.WordCount.ShouldBe(1_563);
    }

    [Fact]
    public void an_empty_filter_contains_nothing() =>
        Filled(0, 1).Bloom.MightContain(Tokens.HashesOf("anything").Single()).ShouldBeFalse();

    [Fact]
    public void needs_every_hash_of_a_term_to_let_it_through()
    {
        var hashes = new TokenHashes();
        Tokens.AddHashes("connection refused"u8, hashes);
        var bloom = BloomFilter.Build(hashes);

        bloom.MightContainAll(Tokens.HashesOf("Connection REFUSED")).ShouldBeTrue();
        bloom.MightContainAll(Tokens.HashesOf("connection reset")).ShouldBeFalse();
        bloom.MightContainAll([]).ShouldBeTrue();
    }

    [Fact]
    public void comes_back_bit_for_bit_after_a_write_and_a_read()
    {
        var (bloom, added) = Filled(1_000, seed: 5);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            bloom.Write(writer);
        stream.Length.ShouldBe(4 + 8 * bloom.WordCount);

        stream.Position = 0;
        var read = BloomFilter.Read(new BinaryReader(stream));

        read.ShouldBe(bloom);
        read.MightContainAll(added).ShouldBeTrue();
    }
}
