using System.Collections.Concurrent;

namespace Processing.Pipelines;

/// <summary>
/// Shares the strings of attribute keys a parse stage reads from text: the same few keys arrive on every line, so
/// each is allocated once instead of once per record. Bounded, because keys can be data (a JSON map keyed by id).
/// </summary>
sealed class KeyPool
{
    const int MaxKeys = 4096;
    const int MaxKeyLength = 128;

    readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    int _count;

    public KeyPool() => _lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<char> key)
    {
        if (_lookup.TryGetValue(key, out var shared)) return shared;
        var made = key.ToString();
        if (key.Length <= MaxKeyLength && Volatile.Read(ref _count) < MaxKeys && _keys.TryAdd(made, made)) Interlocked.Increment(ref _count);
        return made;
    }
}
