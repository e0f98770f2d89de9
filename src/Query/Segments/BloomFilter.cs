using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Query.Segments;

/// <summary>
/// An immutable bloom filter over token hashes: 10 bits per distinct hash and 7 probes, about 1% false
/// positives and never a false negative. Its bits are persisted, so the probe sequence is part of the .idx format.
/// </summary>
public sealed class BloomFilter : IEquatable<BloomFilter>
{
    public const int BitsPerHash = 10;
    public const int Probes = 7;

    // The multiply-shift probe below maps 32-bit values onto [0, bits), which needs bits <= 2^32.
    const int MaxWords = 1 << 26;

    readonly ulong[] words;

    BloomFilter(ulong[] words) => this.words = words;

    public int WordCount => words.Length;

    public static BloomFilter Build(TokenHashes hashes)
    {
        long bits = Math.Max(64L, (long)hashes.Count * BitsPerHash);
        var filter = new BloomFilter(new ulong[Math.Min((bits + 63) / 64, MaxWords)]);
        foreach (ulong hash in hashes)
            filter.Set(hash);
        return filter;
    }

    public bool MightContain(ulong hash)
    {
        // Double hashing: h1 + i*h2 (mod 2^32), h2 odd so the probes differ; Lemire's multiply-shift then maps each
        // onto [0, bits) without a division.
        uint h1 = (uint)hash, h2 = (uint)(hash >> 32) | 1;
        ulong bits = (ulong)words.Length * 64;
        for (int i = 0; i < Probes; i++, h1 += h2)
        {
            ulong bit = (h1 * bits) >> 32;
            if ((words[bit >> 6] & (1UL << (int)bit)) == 0)
                return false;
        }
        return true;
    }

    public bool MightContainAll(ReadOnlySpan<ulong> hashes)
    {
        foreach (ulong hash in hashes)
            if (!MightContain(hash))
                return false;
        return true;
    }

    void Set(ulong hash)
    {
        uint h1 = (uint)hash, h2 = (uint)(hash >> 32) | 1;
        ulong bits = (ulong)words.Length * 64;
        for (int i = 0; i < Probes; i++, h1 += h2)
        {
            ulong bit = (h1 * bits) >> 32;
            words[bit >> 6] |= 1UL << (int)bit;
        }
    }

    /// <summary>Writes the word count, then the words little-endian.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(words.Length);
        if (BitConverter.IsLittleEndian)
            writer.Write(MemoryMarshal.AsBytes(words.AsSpan()));
        else
            foreach (ulong word in words)
                writer.Write(word);
    }

    public static BloomFilter Read(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        var stream = reader.BaseStream;
        if (count <= 0 || count > MaxWords || (stream.CanSeek && count > (stream.Length - stream.Position) / 8))
            throw new InvalidDataException($"A bloom filter of {count} words is impossible here.");

        var words = new ulong[count];
        for (var bytes = MemoryMarshal.AsBytes(words.AsSpan()); !bytes.IsEmpty;)
        {
            int read = reader.Read(bytes);
            if (read == 0)
                throw new EndOfStreamException("The stream ends inside a bloom filter.");
            bytes = bytes[read..];
        }
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(words, words);
        return new BloomFilter(words);
    }

    public bool Equals(BloomFilter? other) =>
        other is not null && words.AsSpan().SequenceEqual(other.words);

    public override bool Equals(object? obj) => Equals(obj as BloomFilter);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(words.AsSpan()));
        return hash.ToHashCode();
    }
}
