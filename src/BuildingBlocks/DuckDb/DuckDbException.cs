namespace BuildingBlocks.DuckDb;

/// <summary>DuckDB refused an operation; <see cref="Exception.Message"/> is DuckDB's own text.</summary>
public sealed class DuckDbException(string message) : Exception(message);
