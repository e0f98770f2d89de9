using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Contracts.Config;
using FluentValidation.Results;

namespace Tenancy.Pipelines;

/// <summary>
/// Reads the stages of a request one at a time, so an unknown type, a misspelt field or a value of the wrong JSON type
/// becomes a 400 naming that field of that stage rather than a failure of the whole body. Unknown fields are refused
/// because a silently ignored option would change how a tenant's records are processed.
/// </summary>
public static class PipelineStageJson
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>The stage types by their "type" discriminator, as the contract declares them.</summary>
    static readonly Dictionary<string, Type> Types = Json.GetTypeInfo(typeof(PipelineStage)).PolymorphismOptions!.DerivedTypes
        .ToDictionary(d => (string)d.TypeDiscriminator!, d => d.DerivedType, StringComparer.Ordinal);

    static readonly string TypeList = string.Join(", ", Types.Keys);

    /// <returns>The stage, or null with <paramref name="problem"/> naming the stage's bad field ("" for the stage itself).</returns>
    public static PipelineStage? Read(JsonElement element, out ValidationFailure? problem)
    {
        problem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = new ValidationFailure("", $"Each stage must be a JSON object with a type: {TypeList}.");
            return null;
        }
        if (!element.TryGetProperty("type", out var typeName) || typeName.ValueKind != JsonValueKind.String
            || !Types.TryGetValue(typeName.GetString()!, out var type))
        {
            problem = new ValidationFailure("type", $"type must be one of: {TypeList}.");
            return null;
        }

        var fields = Json.GetTypeInfo(type).Properties.Select(p => p.Name).ToArray();
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "type" || fields.Contains(property.Name, StringComparer.OrdinalIgnoreCase)) continue;
            problem = new ValidationFailure(property.Name,
                $"A {typeName.GetString()} stage has no field '{property.Name}'; its fields are: {string.Join(", ", fields)}.");
            return null;
        }

        try
        {
            return (PipelineStage)element.Deserialize(type, Json)!;
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path[2..] : "";
            problem = new ValidationFailure(field, $"{field} has the wrong JSON type for a {typeName.GetString()} stage.");
            return null;
        }
    }
}
