using System.Text.Json;
using System.Text.Json.Serialization;
using BuildingBlocks.Messaging;

namespace BuildingBlocks.TenantConfig;

// Inside the namespace: here the name TenantConfig would otherwise mean this very namespace, not the contract record.
using Contracts.Config;

/// <summary>Reads platform.config payloads and the snapshot into the records of <c>Contracts.Config</c>.</summary>
public static class ConfigMessageReader
{
    /// <summary>
    /// The settings Tenancy writes with (EventTypeRegistry.Json in the event store building block). Repeated here because
    /// a reader of the config topic must not depend on the event store; both follow the wire contract, camelCase JSON.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The payload of a configuration envelope, or null for a type this version does not know (newer producers may add some).</summary>
    /// <exception cref="JsonException">The payload is not a readable message of its type.</exception>
    public static object? Read(Envelope envelope)
    {
        object? message = envelope.Type switch
        {
            ConfigMessageTypes.TenantChanged => Deserialize<TenantConfig>(envelope),
            ConfigMessageTypes.ApiKeyChanged => Deserialize<ApiKeyConfig>(envelope),
            ConfigMessageTypes.PipelineChanged => Deserialize<PipelineConfig>(envelope),
            ConfigMessageTypes.AlertRuleChanged => Deserialize<AlertRuleConfig>(envelope),
            _ => null,
        };
        if (message is not null) Check(message);
        return message;
    }

    /// <summary>
    /// The deserializer fills a missing property with null whatever the record says, and a message without its id would
    /// corrupt the cache, so ids are checked here, for messages and snapshot entries alike.
    /// </summary>
    /// <exception cref="JsonException">An id the message is keyed by is missing.</exception>
    public static void Check(object message)
    {
        var (kind, ids) = message switch
        {
            TenantConfig t => ("tenant", new[] { t.TenantId }),
            ApiKeyConfig k => ("API key", [k.KeyId, k.TenantId, k.Salt, k.Hash]),
            PipelineConfig p => ("pipeline", [p.TenantId]),
            AlertRuleConfig r => ("alert rule", [r.TenantId, r.RuleId]),
            _ => throw new ArgumentException($"{message.GetType().Name} is not a configuration message", nameof(message)),
        };
        if (ids.Any(string.IsNullOrEmpty)) throw new JsonException($"A {kind} configuration lacks an id (or a key its salt or hash)");
    }

    /// <summary>Checks every entry and turns missing lists into empty ones.</summary>
    /// <exception cref="JsonException">An entry lacks an id.</exception>
    public static ConfigSnapshot Check(ConfigSnapshot snapshot)
    {
        snapshot = new ConfigSnapshot(snapshot.Tenants ?? [], snapshot.ApiKeys ?? [], snapshot.Pipelines ?? [], snapshot.AlertRules ?? []);
        foreach (var entry in Entries(snapshot)) Check(entry);
        return snapshot;
    }

    public static IEnumerable<object> Entries(ConfigSnapshot snapshot) =>
        [.. snapshot.Tenants ?? [], .. snapshot.ApiKeys ?? [], .. snapshot.Pipelines ?? [], .. snapshot.AlertRules ?? []];

    static T Deserialize<T>(Envelope envelope) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(envelope.Payload, Json) ?? throw new JsonException($"The payload of a {envelope.Type} message is null");
        }
        catch (NotSupportedException e)
        {
            // What System.Text.Json throws for, e.g., a pipeline stage type this build does not know yet.
            throw new JsonException($"The payload of a {envelope.Type} message has a shape this build cannot read: {e.Message}", e);
        }
    }
}
