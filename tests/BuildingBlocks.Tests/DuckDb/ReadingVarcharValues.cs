using System.Text;
using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class ReadingVarcharValues : IDisposable
{
    // DuckDB keeps strings of up to 12 UTF-8 bytes inside the 16-byte value and points elsewhere for longer ones.
    static readonly string[] Values =
    [
        "",
        "a",
        "exactly12byt",
        "thirteen byte",
        new('é', 6),
        new('é', 7),
        "ü🦆",
        "a line of log text that is well past the inline limit",
        new string('x', 10_000),
    ];

    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public ReadingVarcharValues()
    {
        connection = database.Connect();
        connection.Execute("CREATE TABLE texts (position INTEGER, value VARCHAR)");
        using var appender = connection.CreateAppender("texts");
        for (var i = 0; i < Values.Length; i++) appender.Append(i).Append(Values[i]).EndRow();
    }

    [Fact]
    public void the_test_values_cover_both_storage_forms_and_the_boundary()
    {
        Values.Select(Encoding.UTF8.GetByteCount).ShouldContain(12);
        Values.Select(Encoding.UTF8.GetByteCount).ShouldContain(13);
        Values.Count(v => Encoding.UTF8.GetByteCount(v) > 12).ShouldBeGreaterThan(3);
    }

    [Fact]
    public void reads_inlined_and_pointed_to_strings_as_the_same_utf8_bytes()
    {
        using var reader = connection.Query("SELECT value FROM texts ORDER BY position");
        reader.ReadChunk().ShouldBeTrue();
        reader.ChunkSize.ShouldBe(Values.Length);

        for (var row = 0; row < Values.Length; row++)
        {
            reader.GetUtf8(0, row).ToArray().ShouldBe(Encoding.UTF8.GetBytes(Values[row]), $"row {row}");
            reader.GetString(0, row).ShouldBe(Values[row]);
        }
    }

    [Fact]
    public void counts_the_same_characters_and_bytes_as_duckdb()
    {
        using var reader = connection.Query("SELECT value, length(value), strlen(value) FROM texts ORDER BY position");
        reader.ReadChunk().ShouldBeTrue();

        for (var row = 0; row < reader.ChunkSize; row++)
        {
            reader.GetString(0, row).EnumerateRunes().Count().ShouldBe((int)reader.GetInt64(1, row));
            reader.GetUtf8(0, row).Length.ShouldBe((int)reader.GetInt64(2, row));
        }
    }

    [Fact]
    public void appends_utf8_bytes_without_a_string()
    {
        var line = "tenant=acme level=warn msg=\"disk 91% full\""u8;
        using (var appender = connection.CreateAppender("texts"))
            appender.Append(100).AppendUtf8(line[..11]).EndRow();

        connection.ExecuteScalar<string>("SELECT value FROM texts WHERE position = 100").ShouldBe("tenant=acme");
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
