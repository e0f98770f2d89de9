using Contracts.Logs;

namespace Query.Tail;

/// <summary>What a tail reads next: a matching line, or a notice that <see cref="Dropped"/> matching lines were
/// missed at this point of the stream because the client read too slowly.</summary>
public readonly record struct TailEntry(LogRecord? Line, long Dropped)
{
    public bool IsDropNotice => Line is null;
}
