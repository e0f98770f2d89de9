using System.Text;
using Query.Segments;

namespace Query.Tests.Segments;

public sealed class StoringASegmentIndex : IDisposable
{
    readonly string path = Path.Combine(Path.GetTempPath(), $"segment-{Guid.NewGuid():N}.idx");

    public void Dispose() => File.Delete(path);

    static SegmentIndex AnIndex()
    {
        var builder = new SegmentIndexBuilder([3, 2]);
        foreach (var (time, level, text) in new[] { (10L, 2, "alpha"), (30L, 4, "beta"), (20L, 2, "gamma"), (40L, 5, "delta"), (50L, 1, "epsilon") })
        {
            builder.BeginRow(time, level);
            builder.AddText(Encoding.UTF8.GetBytes(text));
        }
        return builder.Build([new SeenBatch(Guid.NewGuid(), 1_700_000_000), new SeenBatch(Guid.NewGuid(), 1_700_000_060)]);
    }

    [Fact]
    public void reads_back_what_was_written()
    {
        var written = AnIndex();
        SegmentIndexFile.Write(path, written);

        var read = SegmentIndexFile.Read(path);

        read.Batches.ShouldBe(written.Batches);
        read.Blocks.Count.ShouldBe(written.Blocks.Count);
        for (int i = 0; i < read.Blocks.Count; i++)
        {
            var (r, w) = (read.Blocks[i], written.Blocks[i]);
            (r.FirstRow, r.Rows, r.MinTimeNanos, r.MaxTimeNanos).ShouldBe((w.FirstRow, w.Rows, w.MinTimeNanos, w.MaxTimeNanos));
            r.LevelCounts.ShouldBe(w.LevelCounts);
            r.Bloom.ShouldBe(w.Bloom);
        }
        read.Blocks[1].Bloom.MightContain(Tokens.HashesOf("delta").Single()).ShouldBeTrue();
    }

    [Fact]
    public void reads_back_an_index_without_blocks_or_batches()
    {
        SegmentIndexFile.Write(path, new SegmentIndex([], []));

        var read = SegmentIndexFile.Read(path);

        read.Blocks.ShouldBeEmpty();
        read.Batches.ShouldBeEmpty();
    }

    [Fact]
    public void starts_with_the_magic_and_version()
    {
        SegmentIndexFile.Write(path, AnIndex());

        File.ReadAllBytes(path)[..8].ShouldBe("LGIX"u8.ToArray().Concat(BitConverter.GetBytes(1)).ToArray());
    }

    [Fact]
    public void refuses_a_file_with_any_byte_flipped()
    {
        SegmentIndexFile.Write(path, AnIndex());
        var good = File.ReadAllBytes(path);

        for (int at = 0; at < good.Length; at++)
        {
            var bad = (byte[])good.Clone();
            bad[at] ^= 0x10;
            File.WriteAllBytes(path, bad);

            Should.Throw<InvalidDataException>(() => SegmentIndexFile.Read(path), $"byte {at}").Message.ShouldContain(path);
        }
    }

    [Fact]
    public void refuses_a_truncated_file()
    {
        SegmentIndexFile.Write(path, AnIndex());
        var good = File.ReadAllBytes(path);

        foreach (var length in new[] { 0, 3, 8, 19, good.Length / 2, good.Length - 4, good.Length - 1 })
        {
            File.WriteAllBytes(path, good[..length]);

            Should.Throw<InvalidDataException>(() => SegmentIndexFile.Read(path), $"{length} bytes");
        }
    }

    [Fact]
    public void names_the_problem_when_refusing()
    {
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes("PAR1 this is not an index at all"));
        Should.Throw<InvalidDataException>(() => SegmentIndexFile.Read(path)).Message.ShouldContain("magic");

        SegmentIndexFile.Write(path, AnIndex());
        var bytes = File.ReadAllBytes(path);
        bytes[4] = 2;
        File.WriteAllBytes(path, bytes);
        Should.Throw<InvalidDataException>(() => SegmentIndexFile.Read(path)).Message.ShouldContain("version 2");
    }

    [Fact]
    public void checksums_with_crc32c() =>
        SegmentIndexFile.Crc32C("123456789"u8).ShouldBe(0xE3069283u);
}
