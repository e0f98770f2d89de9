using BuildingBlocks.DuckDb;

namespace Query.Search;

/// <summary>An aggregation's result read generically: each column typed as string, long or double.</summary>
public sealed record Table(IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public static Table Read(DuckConnection connection, string sql, SqlParameters parameters, IReadOnlyList<string> names)
    {
        using var statement = parameters.Prepare(connection, sql);
        using var reader = statement.ExecuteReader();
        var columns = Enumerable.Range(0, reader.ColumnCount)
            .Select(c => new ResultColumn(names[c], reader.ColumnType(c) switch
            {
                DuckType.Varchar => "string",
                DuckType.Double or DuckType.Float => "double",
                _ => "long",
            })).ToList();
        var rows = new List<object?[]>();
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
            {
                var values = new object?[reader.ColumnCount];
                for (var c = 0; c < values.Length; c++)
                    values[c] = reader.IsNull(c, row) ? null : columns[c].Type switch
                    {
                        "string" => reader.GetString(c, row),
                        "double" => reader.GetDouble(c, row) is var d && double.IsFinite(d) ? d : null,
                        _ => reader.GetInt64(c, row),
                    };
                rows.Add(values);
            }
        return new Table(columns, rows);
    }
}
