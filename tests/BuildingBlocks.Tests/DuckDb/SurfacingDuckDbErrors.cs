using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class SurfacingDuckDbErrors : IDisposable
{
    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public SurfacingDuckDbErrors() => connection = database.Connect();

    [Fact]
    public void reports_a_syntax_error_in_duckdbs_words_and_keeps_the_connection_usable()
    {
        var error = Should.Throw<DuckDbException>(() => connection.Execute("SELEC 1"));

        error.Message.ShouldContain("syntax error");
        error.Message.ShouldContain("SELEC");
        connection.ExecuteScalar<int>("SELECT 41 + 1").ShouldBe(42);
    }

    [Fact]
    public void reports_an_unknown_table_when_preparing()
    {
        Should.Throw<DuckDbException>(() => connection.Prepare("SELECT * FROM no_such_table")).Message.ShouldContain("no_such_table");
        connection.ExecuteScalar<int>("SELECT 1").ShouldBe(1);
    }

    [Fact]
    public void reports_a_failure_while_executing_a_prepared_statement()
    {
        using var cast = connection.Prepare("SELECT $1::INTEGER");

        Should.Throw<DuckDbException>(() => cast.Bind(1, "not a number").ExecuteScalar<int>()).Message.ShouldContain("not a number");
        cast.Bind(1, "7").ExecuteScalar<int>().ShouldBe(7);
    }

    [Fact]
    public void reports_a_constraint_violation_and_rolls_back_only_that_statement()
    {
        connection.Execute("CREATE TABLE keys (id INTEGER PRIMARY KEY); INSERT INTO keys VALUES (1)");

        Should.Throw<DuckDbException>(() => connection.Execute("INSERT INTO keys VALUES (2), (1)")).Message.ShouldContain("Duplicate key");
        connection.ExecuteScalar<long>("SELECT count(*) FROM keys").ShouldBe(1);
    }

    [Fact]
    public void reports_an_appender_for_a_missing_table()
    {
        Should.Throw<DuckDbException>(() => connection.CreateAppender("missing_table")).Message.ShouldContain("missing_table");
    }

    [Fact]
    public void reports_a_row_that_ends_before_all_columns_are_appended()
    {
        connection.Execute("CREATE TABLE pairs (a BIGINT, b BIGINT)");
        using var appender = connection.CreateAppender("pairs");

        Should.Throw<DuckDbException>(() => appender.Append(1L).EndRow()).Message.ShouldContain("before all columns have been appended");
        connection.ExecuteScalar<long>("SELECT count(*) FROM pairs").ShouldBe(0);
    }

    [Fact]
    public void reports_a_constraint_violation_found_when_the_appender_closes()
    {
        connection.Execute("CREATE TABLE unique_ids (id BIGINT PRIMARY KEY)");
        var appender = connection.CreateAppender("unique_ids");
        appender.Append(1L).EndRow().Append(1L).EndRow();

        Should.Throw<DuckDbException>(appender.Dispose).Message.ShouldContain("Duplicate key");
        connection.ExecuteScalar<long>("SELECT count(*) FROM unique_ids").ShouldBe(0);
        Should.NotThrow(appender.Dispose);
    }

    [Fact]
    public void refuses_to_read_a_column_with_the_wrong_accessor()
    {
        using var reader = connection.Query("SELECT 'text' AS label, 1.5 AS ratio");
        reader.ReadChunk().ShouldBeTrue();

        Should.Throw<InvalidCastException>(() => reader.GetInt64(0, 0)).Message.ShouldContain("label");
        Should.Throw<InvalidCastException>(() => reader.GetUtf8(1, 0).Length);
        Should.Throw<ArgumentOutOfRangeException>(() => reader.GetString(0, 1));
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
