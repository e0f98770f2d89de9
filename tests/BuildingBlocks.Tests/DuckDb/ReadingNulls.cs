using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class ReadingNulls : IDisposable
{
    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public ReadingNulls() => connection = database.Connect();

    [Fact]
    public void reports_exactly_the_appended_nulls_across_validity_words()
    {
        // 300 rows span five 64-row validity words; every seventh row is NULL in every column.
        connection.Execute("CREATE TABLE sparse (n BIGINT, x DOUBLE, flag BOOLEAN, s VARCHAR, logged_at TIMESTAMP)");
        using (var appender = connection.CreateAppender("sparse"))
            for (var i = 0; i < 300; i++)
            {
                if (i % 7 == 0) appender.AppendNull().AppendNull().AppendNull().Append((string?)null).AppendNull();
                else appender.Append((long)i).Append(i / 2.0).Append(true).Append($"v{i}").Append(DateTime.UnixEpoch);
                appender.EndRow();
            }

        var mismatches = 0;
        using var reader = connection.Query("SELECT n, x, flag, s, logged_at, n IS NULL AS expected FROM sparse");
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
                for (var column = 0; column < 5; column++)
                    if (reader.IsNull(column, row) != reader.GetBoolean(5, row)) mismatches++;

        mismatches.ShouldBe(0);
        connection.ExecuteScalar<long>("SELECT count(*) FROM sparse WHERE s IS NULL").ShouldBe(43);
    }

    [Fact]
    public void says_no_column_is_null_when_duckdb_sends_no_validity_mask()
    {
        using var reader = connection.Query("SELECT range AS n FROM range(5000)");
        var nulls = 0;
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
                if (reader.IsNull(0, row)) nulls++;

        nulls.ShouldBe(0);
    }

    [Fact]
    public void returns_null_from_a_scalar_only_when_asked_for_a_nullable_type()
    {
        connection.ExecuteScalar<long?>("SELECT NULL::BIGINT").ShouldBeNull();
        connection.ExecuteScalar<long?>("SELECT 5::BIGINT").ShouldBe(5);
        connection.ExecuteScalar<string>("SELECT NULL::VARCHAR").ShouldBeNull();
        connection.ExecuteScalar<long>("SELECT NULL::BIGINT").ShouldBe(0);
        connection.ExecuteScalar<long?>("SELECT 1 WHERE false").ShouldBeNull();
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
