namespace BuildingBlocks.DuckDb;

/// <summary>Reads the first column of the first row as a .NET value, for ExecuteScalar.</summary>
/// <remarks>Boxes once per call: fine for scalars, not for scans (use <see cref="DuckReader"/> accessors there).</remarks>
internal static class ScalarValue
{
    public static T? Read<T>(DuckReader reader)
    {
        while (reader.ReadChunk())
        {
            if (reader.ChunkSize == 0) continue;
            return reader.IsNull(0, 0) ? default : (T)Convert(reader, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
        }
        return default;
    }

    static object Convert(DuckReader reader, Type target)
    {
        if (target == typeof(long)) return reader.GetInt64(0, 0);
        if (target == typeof(int)) return checked((int)reader.GetInt64(0, 0));
        if (target == typeof(double)) return reader.GetDouble(0, 0);
        if (target == typeof(bool)) return reader.GetBoolean(0, 0);
        if (target == typeof(string)) return reader.GetString(0, 0);
        if (target == typeof(DateTime)) return reader.GetDateTime(0, 0);
        if (target == typeof(DateOnly)) return reader.GetDate(0, 0);
        if (target == typeof(Int128)) return reader.GetInt128(0, 0);
        throw new NotSupportedException($"ExecuteScalar cannot produce {target.Name}; read a {reader.ColumnType(0)} column with DuckReader.");
    }
}
