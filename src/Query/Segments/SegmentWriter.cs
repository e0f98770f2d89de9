using BuildingBlocks.DuckDb;

namespace Query.Segments;

/// <summary>
/// Writes one segment: DuckDB copies the rows of a query into a zstd Parquet file sorted newest first, then the file
/// is read back in file order to build the block index (min/max time, level counts, token bloom per row group).
/// Reading back rather than indexing the source keeps the blocks exactly aligned with the row groups DuckDB wrote.
/// </summary>
/// <param name="deltaEncoding">Parquet version 2 encodings (delta-packed timestamps and row ids), as archive objects use:
/// about 6 % smaller (bench/Archive), and read by every current Parquet engine.</param>
public sealed class SegmentWriter(int rowGroupRows, bool deltaEncoding = false)
{
    /// <summary>The segment schema (documented in docs/query.md); a select list producing it from the head is in HeadTable.</summary>
    public const string Columns =
        "timestamp, observed_timestamp, level, service, host, message, trace_id, span_id, attributes, source, event_id, row_id";

    const string IndexedText =
        "SELECT epoch_ns(timestamp), list_position(['trace','debug','info','warn','error','fatal'], level) - 1, " +
        "message, service, host, trace_id, span_id, array_to_string(map_values(attributes), ' ') FROM read_parquet('{0}')";

    /// <param name="select">A query yielding <see cref="Columns"/>, already ordered by timestamp and row_id descending.</param>
    /// <param name="parameters">The values of <paramref name="select"/>'s markers, when it has any.</param>
    public Segment Write(DuckConnection connection, string select, string path, string tenant, int partition, IEnumerable<SeenBatch> batches,
        Search.SqlParameters? parameters = null)
    {
        var copy = $"COPY ({select}) TO {Literal(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {rowGroupRows}" +
                   (deltaEncoding ? ", PARQUET_VERSION V2)" : ")");
        if (parameters is null) connection.Execute(copy);
        else
            using (var statement = parameters.Prepare(connection, copy))
                statement.ExecuteNonQuery();
        Durable.SyncFile(path);

        var index = BuildIndex(connection, path, batches);
        return new Segment(tenant, partition, path, index, new FileInfo(path).Length, DateTimeOffset.UtcNow);
    }

    /// <summary>Reads a Parquet segment in file order and writes its block index beside it.</summary>
    public static SegmentIndex BuildIndex(DuckConnection connection, string path, IEnumerable<SeenBatch> batches)
    {
        var literal = Literal(path);
        var rowGroups = new List<int>();
        using (var groups = connection.Query($"SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata({literal}) GROUP BY ALL ORDER BY 1"))
            while (groups.ReadChunk())
                for (var row = 0; row < groups.ChunkSize; row++)
                    rowGroups.Add(checked((int)groups.GetInt64(1, row)));

        var builder = new SegmentIndexBuilder(rowGroups);
        using (var rows = connection.Query(string.Format(IndexedText, path.Replace("'", "''"))))
            while (rows.ReadChunk())
                for (var row = 0; row < rows.ChunkSize; row++)
                {
                    builder.BeginRow(rows.GetInt64(0, row), rows.IsNull(1, row) ? 2 : (int)rows.GetInt64(1, row));
                    for (var column = 2; column < 8; column++)
                        if (!rows.IsNull(column, row)) builder.AddText(rows.GetUtf8(column, row));
                }
        var index = builder.Build(batches);
        SegmentIndexFile.Write(SegmentLayout.IndexPathOf(path), index);
        return index;
    }

    /// <summary>A SQL string literal for a path the service built itself (never user text).</summary>
    public static string Literal(string path) => "'" + path.Replace("'", "''") + "'";
}
