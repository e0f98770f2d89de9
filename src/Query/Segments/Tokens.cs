using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Query.Segments;

/// <summary>
/// Splits UTF-8 text into search tokens (maximal runs of ASCII letters, digits, '_' and any byte >= 0x80, ASCII
/// folded to lower case) and hashes them. The hashes are persisted in segment indexes.
/// </summary>
public static class Tokens
{
    // FNV-1a is cheap enough to run per byte while scanning, but its low bits mix poorly and both the bloom
    // filter and TokenHashes index by them, so a murmur3 finaliser runs once per token.
    // These constants and the fold table are part of the .idx format: changing them needs a new format version.
    const ulong FnvOffset = 14695981039346656037;
    const ulong FnvPrime = 1099511628211;

    // Per byte: 0 separates tokens, anything else is the byte as it goes into the hash.
    static readonly byte[] Folded = BuildFoldTable();

    /// <summary>Adds the hash of every token of <paramref name="utf8"/>; a token never spans two calls.</summary>
    public static void AddHashes(ReadOnlySpan<byte> utf8, TokenHashes into)
    {
        // The table has 256 entries, so indexing it by a byte cannot go out of range: skip the bounds check.
        ref byte fold = ref MemoryMarshal.GetArrayDataReference(Folded);
        ulong hash = FnvOffset;
        bool inToken = false;
        foreach (byte b in utf8)
        {
            byte f = Unsafe.Add(ref fold, b);
            if (f != 0)
            {
                hash = (hash ^ f) * FnvPrime;
                inToken = true;
            }
            else if (inToken)
            {
                into.Add(Finish(hash));
                hash = FnvOffset;
                inToken = false;
            }
        }
        if (inToken)
            into.Add(Finish(hash));
    }

    /// <summary>The distinct token hashes of a query term, in order of first appearance.</summary>
    public static ulong[] HashesOf(string text)
    {
        var hashes = new TokenHashes(expectedCount: 8);
        AddHashes(Encoding.UTF8.GetBytes(text), hashes);
        return hashes.AsSpan().ToArray();
    }

    /// <summary>False for text such as "--" or "" that a bloom filter cannot help to find.</summary>
    public static bool HasTokens(string text)
    {
        // Every non-ASCII char encodes to bytes >= 0x80 (a lone surrogate to U+FFFD), so no encoding is needed.
        foreach (char c in text)
            if (c >= 0x80 || Folded[c] != 0)
                return true;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccd;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53;
        return h ^ (h >> 33);
    }

    static byte[] BuildFoldTable()
    {
        var table = new byte[256];
        for (int b = 0x80; b < 256; b++)
            table[b] = (byte)b;
        for (int b = '0'; b <= '9'; b++)
            table[b] = (byte)b;
        for (int b = 'a'; b <= 'z'; b++)
            table[b] = table[b - 'a' + 'A'] = (byte)b;
        table['_'] = (byte)'_';
        return table;
    }
}
