using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BuildingBlocks.EventStore;

/// <summary>
/// The explicit list of event types and their stored names. A stored name never changes meaning: renaming a CLR type
/// keeps its name here, and an old name is upcast to a new one (with an optional transform of the JSON) on load.
/// </summary>
public sealed class EventTypeRegistry
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    readonly Dictionary<string, Type> byName = new(StringComparer.Ordinal);
    readonly Dictionary<Type, string> byType = [];
    readonly Dictionary<string, (string NewName, Func<JsonObject, JsonObject> Transform)> upcasters = new(StringComparer.Ordinal);

    public EventTypeRegistry Register<T>(string name)
    {
        byName.Add(name, typeof(T));
        byType.Add(typeof(T), name);
        return this;
    }

    /// <summary>Events stored as <paramref name="oldName"/> load as <paramref name="newName"/>, after <paramref name="transform"/>.</summary>
    public EventTypeRegistry Upcast(string oldName, string newName, Func<JsonObject, JsonObject>? transform = null)
    {
        upcasters.Add(oldName, (newName, transform ?? (json => json)));
        return this;
    }

    public string NameOf(object @event) =>
        byType.TryGetValue(@event.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{@event.GetType().Name} is not registered as an event type");

    public object Deserialize(string name, string json)
    {
        JsonObject? node = null;
        while (upcasters.TryGetValue(name, out var upcast))
        {
            node = upcast.Transform(node ?? JsonNode.Parse(json)!.AsObject());
            name = upcast.NewName;
        }
        if (!byName.TryGetValue(name, out var type))
            throw new InvalidOperationException($"Stored event type '{name}' is not registered and has no upcaster");
        return (node is null ? JsonSerializer.Deserialize(json, type, Json) : node.Deserialize(type, Json))!;
    }

    public string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), Json);
}
