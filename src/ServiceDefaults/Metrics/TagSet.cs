namespace ServiceDefaults.Metrics;

/// <summary>
/// The tags of one series, sorted by key so that {a,b} and {b,a} are the same series. <see cref="Comparer"/> can
/// also compare a stored set with the raw tag span of a measurement, in any order, so the recording path finds an
/// existing series without allocating.
/// </summary>
internal sealed class TagSet
{
    public static readonly TagSet Overflow = From([new("otel.metric.overflow", true)]);

    readonly int _hash;

    TagSet(KeyValuePair<string, object?>[] sorted, int hash) => (Tags, _hash) = (sorted, hash);

    public KeyValuePair<string, object?>[] Tags { get; }

    public static TagSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray();
        if (sorted.Length > 1) Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new(sorted, HashOf(tags));
    }

    // A sum of per-tag hashes does not depend on the order the caller passed the tags in.
    static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var hash = tags.Length;
        foreach (var tag in tags) hash += HashCode.Combine(tag.Key, tag.Value);
        return hash;
    }

    bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != Tags.Length) return false;
        for (var i = 0; i < tags.Length; i++)
        {
            // Callers usually pass tags in the same order every time, so the positional check nearly always hits.
            if (!SameTag(Tags[i], tags[i]) && !Contains(tags[i])) return false;
        }
        return true;
    }

    bool Contains(KeyValuePair<string, object?> tag)
    {
        foreach (var stored in Tags)
            if (SameTag(stored, tag)) return true;
        return false;
    }

    static bool SameTag(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) =>
        string.Equals(a.Key, b.Key, StringComparison.Ordinal) && Equals(a.Value, b.Value);

    public sealed class Comparer : IEqualityComparer<TagSet>, IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, TagSet>
    {
        public static readonly Comparer Instance = new();

        public bool Equals(TagSet? x, TagSet? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x._hash == y._hash && x.Matches(y.Tags));

        public int GetHashCode(TagSet tags) => tags._hash;

        public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, TagSet other) => other.Matches(alternate);

        public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => HashOf(alternate);

        public TagSet Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => From(alternate);
    }
}
