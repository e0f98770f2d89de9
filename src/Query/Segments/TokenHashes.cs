using System.Numerics;

namespace Query.Segments;

/// <summary>
/// A reusable set of distinct token hashes, kept in order of first addition. Adding allocates only while the set
/// grows past its largest size so far; <see cref="Clear"/> keeps the capacity for the next block.
/// </summary>
public sealed class TokenHashes
{
    // Open addressing with linear probing over a power-of-two table at most half full. Hashes come from
    // Tokens, already well mixed, so their low bits index the table directly. 0 marks an empty slot, so a
    // hash of 0 is tracked by a flag instead.
    ulong[] slots;
    int mask;
    ulong[] values;
    int count;
    bool hasZero;

    public TokenHashes(int expectedCount = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCount);
        expectedCount = Math.Min(expectedCount, 1 << 28);
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, expectedCount * 2));
        slots = new ulong[size];
        mask = size - 1;
        values = new ulong[Math.Max(8, expectedCount)];
    }

    public int Count => count;

    /// <summary>The distinct hashes in order of first addition; valid until the next Add or Clear.</summary>
    public ReadOnlySpan<ulong> AsSpan() => values.AsSpan(0, count);

    public ReadOnlySpan<ulong>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    /// <summary>Adds <paramref name="hash"/>; false when it was already present.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            if (hasZero)
                return false;
            hasZero = true;
            Append(0);
            return true;
        }

        int i = (int)hash & mask;
        for (ulong slot; (slot = slots[i]) != 0; i = (i + 1) & mask)
            if (slot == hash)
                return false;
        slots[i] = hash;
        Append(hash);
        if (count > slots.Length / 2)
            Grow();
        return true;
    }

    public bool Contains(ulong hash)
    {
        if (hash == 0)
            return hasZero;
        for (int i = (int)hash & mask; slots[i] != 0; i = (i + 1) & mask)
            if (slots[i] == hash)
                return true;
        return false;
    }

    public void Clear()
    {
        if (count == 0)
            return;
        Array.Clear(slots);
        count = 0;
        hasZero = false;
    }

    void Append(ulong hash)
    {
        if (count == values.Length)
            Array.Resize(ref values, values.Length * 2);
        values[count++] = hash;
    }

    void Grow()
    {
        slots = new ulong[slots.Length * 2];
        mask = slots.Length - 1;
        foreach (ulong hash in AsSpan())
        {
            if (hash == 0)
                continue;
            int i = (int)hash & mask;
            while (slots[i] != 0)
                i = (i + 1) & mask;
            slots[i] = hash;
        }
    }
}
