namespace BuildingBlocks.Messaging;

public delegate Task MessageHandler(Envelope envelope, CancellationToken ct);

/// <summary>Which handler takes which envelope type; listed explicitly where the consumer is wired.</summary>
public sealed class MessageHandlers
{
    readonly Dictionary<string, MessageHandler> byType = new(StringComparer.Ordinal);

    public MessageHandlers On(string type, MessageHandler handler)
    {
        byType.Add(type, handler);
        return this;
    }

    public MessageHandler? For(string type) => byType.GetValueOrDefault(type);
}
