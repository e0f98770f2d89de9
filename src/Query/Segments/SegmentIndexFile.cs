using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Query.Segments;

/// <summary>
/// Reads and writes the .idx sidecar of a segment file. Layout, little-endian: "LGIX", int32 version (1), int32 block
/// count, the blocks, int32 batch count, the batches, then the CRC-32C of everything before it.
/// </summary>
public static class SegmentIndexFile
{
    public const int FormatVersion = 1;

    static ReadOnlySpan<byte> Magic => "LGIX"u8;

    // Sizes with empty collections, used to refuse counts the remaining bytes cannot hold before allocating.
    const int MinFileBytes = 4 + 4 + 4 + 4 + 4;
    const int MinBlockBytes = 8 + 4 + 8 + 8 + 4 * BlockSummary.LevelCount + 4 + 8;
    const int BatchBytes = 16 + 8;

    /// <summary>
    /// Writes <paramref name="index"/> to <paramref name="path"/> and flushes it to disk. There is no temp-file
    /// rename: the caller's manifest, written afterwards, is what makes the file count.
    /// </summary>
    public static void Write(string path, SegmentIndex index)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(index.Blocks.Count);
            foreach (var block in index.Blocks)
                WriteBlock(writer, block);
            writer.Write(index.Batches.Count);
            Span<byte> id = stackalloc byte[16];
            foreach (var batch in index.Batches)
            {
                batch.Id.TryWriteBytes(id);
                writer.Write(id);
                writer.Write(batch.SeenUnixSeconds);
            }
            writer.Flush();
            writer.Write(Crc32C(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        }

        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        file.Flush(flushToDisk: true);
    }

    /// <exception cref="InvalidDataException">The file is not a version 1 index, or is corrupt or truncated.</exception>
    public static SegmentIndex Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < MinFileBytes)
            throw Corrupt(path, $"is {bytes.Length} bytes long, too short for a segment index (truncated?)");
        if (!bytes.AsSpan(0, 4).SequenceEqual(Magic))
            throw Corrupt(path, "does not start with the LGIX magic: it is not a segment index");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        if (version != FormatVersion)
            throw Corrupt(path, $"has format version {version}; this reader knows version {FormatVersion} only");
        int body = bytes.Length - 4;
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(body)) != Crc32C(bytes.AsSpan(0, body)))
            throw Corrupt(path, "fails its checksum: it is corrupt or truncated");

        using var reader = new BinaryReader(new MemoryStream(bytes, 8, body - 8, writable: false));
        try
        {
            return Parse(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw Corrupt(path, $"passes its checksum but cannot be parsed ({e.Message})", e);
        }
    }

    static void WriteBlock(BinaryWriter writer, BlockSummary block)
    {
        if (block.LevelCounts.Length != BlockSummary.LevelCount)
            throw new ArgumentException(
                $"A block has {block.LevelCounts.Length} level counts instead of {BlockSummary.LevelCount}.");
        writer.Write(block.FirstRow);
        writer.Write(block.Rows);
        writer.Write(block.MinTimeNanos);
        writer.Write(block.MaxTimeNanos);
        foreach (int count in block.LevelCounts)
            writer.Write(count);
        block.Bloom.Write(writer);
    }

    static SegmentIndex Parse(BinaryReader reader)
    {
        var blocks = new BlockSummary[ReadCount(reader, MinBlockBytes)];
        long nextRow = 0;
        for (int i = 0; i < blocks.Length; i++)
        {
            var block = new BlockSummary(reader.ReadInt64(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt64(),
                ReadLevelCounts(reader), BloomFilter.Read(reader));
            if (block.FirstRow != nextRow || block.Rows < 0)
                throw new InvalidDataException($"block {i} starts at row {block.FirstRow} with {block.Rows} rows, expected row {nextRow}");
            nextRow += block.Rows;
            blocks[i] = block;
        }

        var batches = new SeenBatch[ReadCount(reader, BatchBytes)];
        for (int i = 0; i < batches.Length; i++)
            batches[i] = new SeenBatch(new Guid(reader.ReadBytes(16)), reader.ReadInt64());
        if (reader.BaseStream.Position != reader.BaseStream.Length)
            throw new InvalidDataException($"{reader.BaseStream.Length - reader.BaseStream.Position} unexpected bytes follow the batches");
        return new SegmentIndex(blocks, batches);
    }

    static int[] ReadLevelCounts(BinaryReader reader)
    {
        var counts = new int[BlockSummary.LevelCount];
        for (int i = 0; i < counts.Length; i++)
            counts[i] = reader.ReadInt32();
        return counts;
    }

    static int ReadCount(BinaryReader reader, int minBytesEach)
    {
        int count = reader.ReadInt32();
        long left = reader.BaseStream.Length - reader.BaseStream.Position;
        if (count < 0 || count > left / minBytesEach)
            throw new InvalidDataException($"a count of {count} does not fit in the {left} bytes left");
        return count;
    }

    static InvalidDataException Corrupt(string path, string problem, Exception? inner = null) =>
        new($"Segment index {path} {problem}.", inner);

    /// <summary>CRC-32C (Castagnoli), hardware-accelerated where the CPU has it.</summary>
    internal static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = ~0u;
        for (; data.Length >= 8; data = data[8..])
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
        foreach (byte b in data)
            crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}
