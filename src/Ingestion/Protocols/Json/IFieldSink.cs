using System.Text.Json;

namespace Ingestion.Protocols.Json;

/// <summary>Receives the leaves of a flattened JSON value (see <see cref="JsonFields.Flatten"/>).</summary>
interface IFieldSink
{
    /// <param name="key">Dotted path of the leaf.</param>
    /// <param name="value">Its text: the string itself, a number or literal as spelled, or an array's compact JSON.</param>
    /// <param name="kind"><see cref="JsonTokenType.String"/>, <see cref="JsonTokenType.Number"/>, <see cref="JsonTokenType.True"/>,
    /// <see cref="JsonTokenType.False"/> or <see cref="JsonTokenType.StartArray"/>.</param>
    void Field(string key, string value, JsonTokenType kind);
}
