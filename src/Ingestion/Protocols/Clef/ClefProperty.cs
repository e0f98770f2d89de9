namespace Ingestion.Protocols.Clef;

/// <summary>Where a user property's JSON value sits in its line, so the message template can render it.</summary>
readonly record struct ClefProperty(string Name, int Start, int End);
