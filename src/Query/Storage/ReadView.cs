using Query.Indexing;
using Query.Segments;

namespace Query.Storage;

/// <summary>What one query reads: the tenant's live heads and segments at one instant, held until disposed.</summary>
public sealed class ReadView(IReadOnlyList<HeadTable> heads, IReadOnlyList<Segment> segments) : IDisposable
{
    public IReadOnlyList<HeadTable> Heads { get; } = heads;
    public IReadOnlyList<Segment> Segments { get; } = segments;

    public void Dispose()
    {
        foreach (var head in Heads) head.Release();
        foreach (var segment in Segments) segment.Release();
    }
}
