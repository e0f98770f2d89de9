namespace Contracts.Logs;

/// <summary>Collects attributes (last value wins) and produces an <see cref="AttributeMap"/>; reusable after <see cref="Clear"/>.</summary>
public sealed class AttributeMapBuilder
{
    // Beyond this many attributes, finding a repeated key by scanning would cost more than keeping an index.
    const int IndexThreshold = 24;

    readonly List<KeyValuePair<string, string>> _pairs = [];
    Dictionary<string, int>? _positions;

    public int Count => _pairs.Count;

    public void Set(string key, string value)
    {
        var position = Find(key);
        if (position >= 0)
        {
            _pairs[position] = new(key, value);
            return;
        }
        _positions?.Add(key, _pairs.Count);
        _pairs.Add(new(key, value));
        if (_positions is null && _pairs.Count > IndexThreshold)
        {
            _positions = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _pairs.Count; i++) _positions[_pairs[i].Key] = i;
        }
    }

    public void SetAll(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        foreach (var (key, value) in pairs) Set(key, value);
    }

    public bool Remove(string key, out string value)
    {
        var position = Find(key);
        if (position < 0)
        {
            value = "";
            return false;
        }
        value = _pairs[position].Value;
        _pairs.RemoveAt(position);
        if (_positions is not null)
        {
            _positions.Clear();
            for (var i = 0; i < _pairs.Count; i++) _positions[_pairs[i].Key] = i;
        }
        return true;
    }

    public AttributeMap ToMap() => AttributeMap.Wrap(_pairs.ToArray());

    public void Clear()
    {
        _pairs.Clear();
        _positions = null;
    }

    int Find(string key)
    {
        if (_positions is not null) return _positions.TryGetValue(key, out var position) ? position : -1;
        for (var i = 0; i < _pairs.Count; i++)
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal)) return i;
        return -1;
    }
}
