using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class AppendingAndScanningManyRows : IDisposable
{
    const int Rows = 100_000;
    static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public AppendingAndScanningManyRows()
    {
        connection = database.Connect();
        connection.Execute("CREATE TABLE events (id BIGINT, level INTEGER, duration DOUBLE, ok BOOLEAN, message VARCHAR, logged_at TIMESTAMP)");
        using var appender = connection.CreateAppender("events");
        for (var i = 0; i < Rows; i++)
            appender.Append((long)i).Append(i % 5).Append(i * 0.25).Append(i % 3 == 0).Append(Message(i)).Append(Start.AddSeconds(i)).EndRow();
    }

    [Fact]
    public void reads_every_appended_row_back_through_chunks_with_exact_sums()
    {
        long ids = 0, levels = 0, oks = 0, rows = 0, chunks = 0;
        double durations = 0;
        var wrongMessages = 0;
        var startMicros = (Start - DateTime.UnixEpoch).Ticks / 10;

        using var reader = connection.Query("SELECT id, level, duration, ok, message, logged_at FROM events ORDER BY id");
        while (reader.ReadChunk())
        {
            chunks++;
            reader.ChunkSize.ShouldBeLessThanOrEqualTo(2048);
            for (var row = 0; row < reader.ChunkSize; row++, rows++)
            {
                var id = reader.GetInt64(0, row);
                id.ShouldBe(rows);
                ids += id;
                levels += reader.GetInt64(1, row);
                durations += reader.GetDouble(2, row);
                if (reader.GetBoolean(3, row)) oks++;
                if (reader.GetString(4, row) != Message(id)) wrongMessages++;
                reader.GetTimestampMicros(5, row).ShouldBe(startMicros + id * 1_000_000);
            }
        }

        rows.ShouldBe(Rows);
        chunks.ShouldBeGreaterThan(Rows / 2048);
        ids.ShouldBe(4_999_950_000L);
        levels.ShouldBe(200_000L);
        durations.ShouldBe(1_249_987_500.0);
        oks.ShouldBe(33_334L);
        wrongMessages.ShouldBe(0);
    }

    [Fact]
    public void scanning_allocates_per_chunk_and_never_per_value()
    {
        Scan();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var checksum = Scan();

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(Rows / 4);
        checksum.ShouldBeGreaterThan(0);
    }

    long Scan()
    {
        long checksum = 0;
        using var reader = connection.Query("SELECT id, duration, ok, message, logged_at FROM events");
        while (reader.ReadChunk())
            for (var row = 0; row < reader.ChunkSize; row++)
            {
                if (reader.IsNull(0, row)) continue;
                checksum += reader.GetInt64(0, row) + (long)reader.GetDouble(1, row) + (reader.GetBoolean(2, row) ? 1 : 0)
                    + reader.GetUtf8(3, row).Length + reader.GetTimestampMicros(4, row) % 7;
            }
        return checksum;
    }

    [Fact]
    public void agrees_with_duckdbs_own_aggregates()
    {
        connection.ExecuteScalar<long>("SELECT count(*) FROM events").ShouldBe(Rows);
        connection.ExecuteScalar<long>("SELECT sum(id) FROM events").ShouldBe(4_999_950_000L);
        connection.ExecuteScalar<Int128>("SELECT sum(id) FROM events").ShouldBe((Int128)4_999_950_000L);
        connection.ExecuteScalar<double>("SELECT sum(duration) FROM events").ShouldBe(1_249_987_500.0);
        connection.ExecuteScalar<DateTime>("SELECT max(logged_at) FROM events").ShouldBe(Start.AddSeconds(Rows - 1));
    }

    [Fact]
    public void describes_the_columns_of_the_result()
    {
        using var reader = connection.Query("SELECT id, level, duration, ok, message, logged_at, DATE '2025-01-02' AS day FROM events LIMIT 1");

        reader.ColumnCount.ShouldBe(7);
        Enumerable.Range(0, 7).Select(reader.ColumnName).ShouldBe(["id", "level", "duration", "ok", "message", "logged_at", "day"]);
        Enumerable.Range(0, 7).Select(reader.ColumnType).ShouldBe(
            [DuckType.BigInt, DuckType.Integer, DuckType.Double, DuckType.Boolean, DuckType.Varchar, DuckType.Timestamp, DuckType.Date]);
        reader.ReadChunk().ShouldBeTrue();
        reader.GetDate(6, 0).ShouldBe(new DateOnly(2025, 1, 2));
    }

    [Fact]
    public void makes_rows_visible_after_a_flush_while_the_appender_stays_open()
    {
        connection.Execute("CREATE TABLE later (id BIGINT)");
        using var appender = connection.CreateAppender("main", "later");
        for (var i = 0; i < 10; i++) appender.Append((long)i).EndRow();

        appender.Flush();

        connection.ExecuteScalar<long>("SELECT count(*) FROM later").ShouldBe(10);
        appender.Append(10L).EndRow();
        appender.Dispose();
        connection.ExecuteScalar<long>("SELECT count(*) FROM later").ShouldBe(11);
    }

    // Even ids get short messages (stored inline by DuckDB), odd ids long ones (stored behind a pointer).
    static string Message(long id) => id % 2 == 0 ? $"ok {id % 10}" : $"request {id} finished after a long wait";

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
