using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class RoundTrippingParquet : IDisposable
{
    readonly TempDirectory folder = new();
    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public RoundTrippingParquet()
    {
        connection = database.Connect();
        connection.Execute("""
            CREATE TABLE logs AS
            SELECT range AS id, 'tenant-' || (range % 7) AS tenant, range::DOUBLE / 2 AS value, TIMESTAMP '2025-01-01' + to_seconds(range) AS logged_at
            FROM range(50000)
            """);
    }

    [Fact]
    public void writes_a_zstd_parquet_file_and_reads_the_same_rows_back()
    {
        var file = folder.File("logs.parquet");

        connection.Execute($"COPY (SELECT * FROM logs ORDER BY id) TO {TestDatabases.Quoted(file)} (FORMAT parquet, COMPRESSION zstd)");

        var bytes = File.ReadAllBytes(file);
        bytes[..4].ShouldBe("PAR1"u8.ToArray());
        bytes[^4..].ShouldBe("PAR1"u8.ToArray());
        using var count = connection.Prepare("SELECT count(*) FROM read_parquet($1)");
        count.Bind(1, file).ExecuteScalar<long>().ShouldBe(50_000);
        connection.ExecuteScalar<long>($"SELECT sum(id) FROM read_parquet({TestDatabases.Quoted(file)})").ShouldBe(1_249_975_000);
        connection.ExecuteScalar<long>($"SELECT count(DISTINCT tenant) FROM read_parquet({TestDatabases.Quoted(file)})").ShouldBe(7);
        connection.ExecuteScalar<string>($"SELECT string_agg(DISTINCT compression, ',') FROM parquet_metadata({TestDatabases.Quoted(file)})")
            .ShouldBe("ZSTD");
    }

    [Fact]
    public void scans_a_parquet_file_through_chunks_with_exact_values()
    {
        var file = folder.File("values.parquet");
        connection.Execute($"COPY logs TO {TestDatabases.Quoted(file)} (FORMAT parquet, COMPRESSION zstd)");

        long rows = 0, ids = 0;
        double values = 0;
        using var reader = connection.Query($"SELECT id, value, logged_at FROM read_parquet({TestDatabases.Quoted(file)})");
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++, rows++)
            {
                var id = reader.GetInt64(0, row);
                ids += id;
                values += reader.GetDouble(1, row);
                reader.GetDateTime(2, row).ShouldBe(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(id));
            }

        rows.ShouldBe(50_000);
        ids.ShouldBe(1_249_975_000);
        values.ShouldBe(624_987_500.0);
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
        folder.Dispose();
    }
}
