using Contracts.Logs;

namespace Processing.Pipelines;

/// <summary>
/// The attributes of the record a pipeline is working on: a reusable, editable list of unique keys (last write wins)
/// that becomes an <see cref="AttributeMap"/> once, when the record is kept. Reused for every record a thread
/// processes, so editing costs no allocation.
/// </summary>
sealed class AttributeList
{
    // Past this many attributes a lookup by scanning costs more than keeping an index (the same trade as AttributeMapBuilder).
    const int IndexThreshold = 24;

    KeyValuePair<string, string>[] _pairs = new KeyValuePair<string, string>[16];
    readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    bool _indexed;

    public int Count { get; private set; }

    public string KeyAt(int position) => _pairs[position].Key;
    public string ValueAt(int position) => _pairs[position].Value;
    public void SetValueAt(int position, string value) => _pairs[position] = new(_pairs[position].Key, value);

    /// <summary>Replaces the attributes with those of an incoming record, whose keys are unique already.</summary>
    public void Load(IReadOnlyDictionary<string, string> attributes)
    {
        Clear();
        if (attributes.Count == 0) return;
        foreach (var pair in attributes) Append(pair.Key, pair.Value);
    }

    public string? Get(string key)
    {
        var position = Find(key);
        return position < 0 ? null : _pairs[position].Value;
    }

    public void Set(string key, string value)
    {
        var position = Find(key);
        if (position >= 0) _pairs[position] = new(key, value);
        else Append(key, value);
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
        RemoveAt(position);
        return true;
    }

    /// <summary>Moves the value of <paramref name="key"/> to <paramref name="newKey"/>, replacing any value there.</summary>
    public void Rename(string key, string newKey)
    {
        if (Remove(key, out var value)) Set(newKey, value);
    }

    public AttributeMap ToMap(AttributeMapBuilder scratch)
    {
        if (Count == 0) return AttributeMap.Empty;
        scratch.Clear();
        for (var i = 0; i < Count; i++) scratch.Set(_pairs[i].Key, _pairs[i].Value);
        return scratch.ToMap();
    }

    public void Clear()
    {
        Array.Clear(_pairs, 0, Count);
        Count = 0;
        if (_indexed) _index.Clear();
        _indexed = false;
    }

    void Append(string key, string value)
    {
        if (Count == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
        _pairs[Count] = new(key, value);
        if (_indexed) _index[key] = Count;
        Count++;
        if (!_indexed && Count > IndexThreshold) Reindex();
    }

    void RemoveAt(int position)
    {
        Count--;
        Array.Copy(_pairs, position + 1, _pairs, position, Count - position);
        _pairs[Count] = default;
        if (_indexed) Reindex();
    }

    void Reindex()
    {
        _index.Clear();
        for (var i = 0; i < Count; i++) _index[_pairs[i].Key] = i;
        _indexed = true;
    }

    int Find(string key)
    {
        if (_indexed) return _index.TryGetValue(key, out var position) ? position : -1;
        for (var i = 0; i < Count; i++)
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal)) return i;
        return -1;
    }
}
