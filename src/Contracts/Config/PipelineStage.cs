using System.Text.Json.Serialization;

namespace Contracts.Config;

/// <summary>One step of a tenant's processing pipeline; stages run in order over every record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ParseStage), "parse")]
[JsonDerivedType(typeof(SetFieldStage), "set")]
[JsonDerivedType(typeof(RenameFieldStage), "rename")]
[JsonDerivedType(typeof(DropFieldStage), "drop_field")]
[JsonDerivedType(typeof(DropIfStage), "drop_if")]
[JsonDerivedType(typeof(RedactStage), "redact")]
[JsonDerivedType(typeof(StaticLabelsStage), "labels")]
public abstract record PipelineStage;

/// <summary>Parses <see cref="Field"/> (default the message) as json, logfmt, or a regex with named groups into attributes.</summary>
public sealed record ParseStage(string Format, string? Field = null, string? Pattern = null) : PipelineStage;

public sealed record SetFieldStage(string Field, string Value) : PipelineStage;

public sealed record RenameFieldStage(string From, string To) : PipelineStage;

public sealed record DropFieldStage(string Field) : PipelineStage;

/// <summary>Drops the record when its level is below <see cref="LevelBelow"/>, or when <see cref="Field"/> matches <see cref="Matches"/>.</summary>
public sealed record DropIfStage(string? LevelBelow = null, string? Field = null, string? Matches = null) : PipelineStage;

/// <summary>Kinds: email, ipv4 (last octet), credit_card (Luhn-checked), custom (with <see cref="Pattern"/>).</summary>
public sealed record RedactStage(IReadOnlyList<string> Kinds, string? Pattern = null, string Replacement = "[REDACTED]") : PipelineStage;

public sealed record StaticLabelsStage(IReadOnlyDictionary<string, string> Labels) : PipelineStage;
