using System.Runtime.CompilerServices;
using System.Text;
using BuildingBlocks.DuckDb.Native;
using static BuildingBlocks.DuckDb.Native.NativeMethods;

namespace BuildingBlocks.DuckDb;

/// <summary>Reads a query result one data chunk (up to 2048 rows) at a time, straight from DuckDB's vectors.</summary>
/// <remarks>
/// <code>while (reader.ReadChunk()) for (var row = 0; row &lt; reader.ChunkSize; row++) sum += reader.GetInt64(0, row);</code>
/// Accessors other than <see cref="GetString"/> and <see cref="ColumnName"/> do not allocate. Values, and spans from
/// <see cref="GetUtf8"/>, are valid until the next <see cref="ReadChunk"/> or <see cref="Dispose"/>. Not thread-safe.
/// </remarks>
public sealed unsafe class DuckReader : IDisposable
{
    // duckdb_string_t is 16 bytes: a uint32 length, then either up to 12 bytes inline or a 4-byte prefix and a pointer.
    const int StringSize = 16;
    const int InlineStringLimit = 12;

    readonly ResultHandle result;
    readonly DuckType[] types;
    readonly string?[] names;
    readonly nint[] data;
    readonly nint[] validity;
    DataChunkHandle? chunk;
    bool exhausted;

    internal DuckReader(ResultHandle result)
    {
        this.result = result;
        ColumnCount = (int)duckdb_column_count(result);
        types = new DuckType[ColumnCount];
        for (var column = 0; column < ColumnCount; column++)
            types[column] = Supported((DuckType)duckdb_column_type(result, (ulong)column));
        names = new string?[ColumnCount];
        data = new nint[ColumnCount];
        validity = new nint[ColumnCount];
    }

    public int ColumnCount { get; }

    /// <summary>Rows in the current chunk; 0 before the first <see cref="ReadChunk"/>.</summary>
    public int ChunkSize { get; private set; }

    public string ColumnName(int column) =>
        names[column] ??= Text(duckdb_column_name(Open, (ulong)column)) ?? throw new ArgumentOutOfRangeException(nameof(column));

    public DuckType ColumnType(int column) => types[column];

    /// <summary>Moves to the next chunk; false once the result is exhausted.</summary>
    public bool ReadChunk()
    {
        var source = Open;
        ReleaseChunk();
        if (exhausted) return false;

        var added = false;
        source.DangerousAddRef(ref added);
        try
        {
            var next = duckdb_fetch_chunk(source.Value);
            if (next.IsInvalid)
            {
                next.Dispose();
                exhausted = true;
                return false;
            }
            chunk = next;
        }
        finally
        {
            if (added) source.DangerousRelease();
        }

        for (var column = 0; column < ColumnCount; column++)
        {
            var vector = duckdb_data_chunk_get_vector(chunk, (ulong)column);
            data[column] = (nint)duckdb_vector_get_data(vector);
            validity[column] = (nint)duckdb_vector_get_validity(vector);
        }
        ChunkSize = (int)duckdb_data_chunk_get_size(chunk);
        return true;
    }

    public bool IsNull(int column, int row)
    {
        CheckRow(row);
        // One bit per row, 64 rows per word; DuckDB omits the mask when every row is valid.
        var mask = (ulong*)validity[column];
        return mask != null && (mask[row >> 6] & (1UL << (row & 63))) == 0;
    }

    /// <summary>Any integer column that fits in a long (HUGEINT and UBIGINT are checked).</summary>
    public long GetInt64(int column, int row)
    {
        var values = Values(column, row);
        return types[column] switch
        {
            DuckType.BigInt => ((long*)values)[row],
            DuckType.Integer => ((int*)values)[row],
            DuckType.SmallInt => ((short*)values)[row],
            DuckType.TinyInt => ((sbyte*)values)[row],
            DuckType.UBigInt => checked((long)((ulong*)values)[row]),
            DuckType.HugeInt => checked((long)HugeInt(values, row)),
            _ => throw WrongType(column, nameof(GetInt64)),
        };
    }

    public Int128 GetInt128(int column, int row) =>
        types[column] == DuckType.HugeInt ? HugeInt(Values(column, row), row) : GetInt64(column, row);

    public double GetDouble(int column, int row)
    {
        var values = Values(column, row);
        return types[column] switch
        {
            DuckType.Double => ((double*)values)[row],
            DuckType.Float => ((float*)values)[row],
            _ => throw WrongType(column, nameof(GetDouble)),
        };
    }

    public bool GetBoolean(int column, int row) =>
        types[column] == DuckType.Boolean ? Values(column, row)[row] != 0 : throw WrongType(column, nameof(GetBoolean));

    /// <summary>Microseconds since 1970-01-01 of a TIMESTAMP or TIMESTAMPTZ.</summary>
    public long GetTimestampMicros(int column, int row) =>
        types[column] is DuckType.Timestamp or DuckType.TimestampTz
            ? ((long*)Values(column, row))[row]
            : throw WrongType(column, nameof(GetTimestampMicros));

    /// <summary>A TIMESTAMP or TIMESTAMPTZ as a UTC <see cref="DateTime"/>.</summary>
    public DateTime GetDateTime(int column, int row) => UnixTime.FromMicros(GetTimestampMicros(column, row));

    public DateOnly GetDate(int column, int row) =>
        types[column] == DuckType.Date
            ? UnixTime.FromDays(((int*)Values(column, row))[row])
            : throw WrongType(column, nameof(GetDate));

    /// <summary>The UTF-8 bytes of a VARCHAR, read in place.</summary>
    public ReadOnlySpan<byte> GetUtf8(int column, int row)
    {
        if (types[column] != DuckType.Varchar) throw WrongType(column, nameof(GetUtf8));
        var value = Values(column, row) + (nint)row * StringSize;
        var length = (int)*(uint*)value;
        return length <= InlineStringLimit
            ? new ReadOnlySpan<byte>(value + sizeof(uint), length)
            : new ReadOnlySpan<byte>(*(byte**)(value + 8), length);
    }

    public string GetString(int column, int row) => Encoding.UTF8.GetString(GetUtf8(column, row));

    public void Dispose()
    {
        ReleaseChunk();
        result.Dispose();
    }

    void ReleaseChunk()
    {
        chunk?.Dispose();
        chunk = null;
        ChunkSize = 0;
    }

    byte* Values(int column, int row)
    {
        CheckRow(row);
        return (byte*)data[column];
    }

    void CheckRow(int row)
    {
        if ((uint)row >= (uint)ChunkSize)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The current chunk has {ChunkSize} rows.");
    }

    // duckdb_hugeint is { uint64 lower; int64 upper }, the same little-endian layout as Int128, but only 8-byte aligned.
    static Int128 HugeInt(byte* values, int row) => Unsafe.ReadUnaligned<Int128>(values + (nint)row * 16);

    static DuckType Supported(DuckType type) => Enum.IsDefined(type) ? type : DuckType.Unsupported;

    InvalidCastException WrongType(int column, string accessor) =>
        new($"{accessor} cannot read column {column} ('{ColumnName(column)}') of type {types[column]}.");

    ResultHandle Open => result.IsClosed ? throw new ObjectDisposedException(nameof(DuckReader)) : result;
}
