namespace BuildingBlocks.DuckDb;

/// <summary>The column types <see cref="DuckReader"/> can read; values are DuckDB's duckdb_type numbers.</summary>
public enum DuckType
{
    /// <summary>A type this building block does not read (lists, structs, decimals, blobs, …).</summary>
    Unsupported = -1,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    /// <summary>Microseconds since 1970-01-01, no time zone.</summary>
    Timestamp = 12,
    Date = 13,
    /// <summary>128-bit integer: what sum() over BIGINT returns.</summary>
    HugeInt = 16,
    Varchar = 17,
    /// <summary>Microseconds since 1970-01-01 UTC: what now() returns.</summary>
    TimestampTz = 31,
}
