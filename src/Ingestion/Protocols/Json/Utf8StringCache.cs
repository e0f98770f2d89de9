using Contracts.Logs;

namespace Ingestion.Protocols.Json;

/// <summary>
/// Reuses the string for short UTF-8 values that repeat across the records of a request (attribute keys, service and
/// host names, levels), so a batch of ten thousand records does not allocate ten thousand copies of "service".
/// One cache per thread: strings are immutable, so sharing them between requests is safe.
/// </summary>
sealed class Utf8StringCache
{
    const int Slots = 512;
    const int MaxCachedLength = 64;

    [ThreadStatic] static Utf8StringCache? _current;

    readonly byte[]?[] _keys = new byte[]?[Slots];
    readonly string[] _values = new string[Slots];

    public static Utf8StringCache Current => _current ??= new Utf8StringCache();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty) return "";
        if (utf8.Length > MaxCachedLength) return LogText.FromUtf8(utf8);

        var slot = (int)(Hash(utf8) & (Slots - 1));
        var key = _keys[slot];
        if (key is not null && utf8.SequenceEqual(key)) return _values[slot];

        var value = LogText.FromUtf8(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }

    static uint Hash(ReadOnlySpan<byte> bytes)
    {
        // FNV-1a: the inputs are at most 64 bytes, where a simple byte loop beats a vectorised hash's setup cost.
        var hash = 2166136261u;
        foreach (var b in bytes) hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
