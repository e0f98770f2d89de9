using Query.Segments;

namespace Query.Language;

/// <summary>
/// A filter compiled once per query: a SQL condition for head tables, one for segments, and a test that tells
/// from a block's index whether the block can hold a match at all (false only when it certainly cannot).
/// </summary>
public sealed record CompiledFilter(string Head, string Segment, Func<BlockSummary, bool> BlockMayMatch)
{
    public static readonly Func<BlockSummary, bool> AnyBlock = _ => true;
}
