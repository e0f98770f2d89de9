using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Contracts.Logs;

/// <summary>
/// The attributes of one record: an immutable array of pairs with unique keys. A log record carries a handful of
/// attributes, for which an array is a third of the memory of a hash table and as quick to search; large maps get an
/// index on first lookup. Build one with <see cref="AttributeMapBuilder"/> or <see cref="From"/>.
/// </summary>
public sealed class AttributeMap : IReadOnlyDictionary<string, string>
{
    const int LinearSearchLimit = 16;

    public static readonly AttributeMap Empty = new([]);

    readonly KeyValuePair<string, string>[] _pairs;
    Dictionary<string, string>? _index;

    AttributeMap(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    /// <summary>Takes ownership of <paramref name="pairs"/>, whose keys the caller guarantees to be unique.</summary>
    internal static AttributeMap Wrap(KeyValuePair<string, string>[] pairs) => pairs.Length == 0 ? Empty : new AttributeMap(pairs);

    /// <summary>A map of the given pairs; when a key repeats, the last value wins.</summary>
    public static AttributeMap From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var builder = new AttributeMapBuilder();
        foreach (var (key, value) in pairs) builder.Set(key, value);
        return builder.ToMap();
    }

    public int Count => _pairs.Length;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no attribute '{key}'");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_pairs.Length > LinearSearchLimit)
        {
            _index ??= new Dictionary<string, string>(_pairs, StringComparer.Ordinal);
            return _index.TryGetValue(key, out value);
        }
        foreach (var pair in _pairs)
        {
            if (!string.Equals(pair.Key, key, StringComparison.Ordinal)) continue;
            value = pair.Value;
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerable<string> Keys => _pairs.Select(pair => pair.Key);
    public IEnumerable<string> Values => _pairs.Select(pair => pair.Value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
