using System.Text;
using BuildingBlocks.DuckDb;

namespace BuildingBlocks.Tests.DuckDb;

public sealed class BindingParameters : IDisposable
{
    // Quotes, a statement separator, a comment, a backslash and several scripts: all must arrive as data.
    const string Hostile = "Robert'); DROP TABLE entries; -- \"quoted\" ; back\\slash naïve café 日本語 🦆";
    static readonly DateTime At = new DateTime(2024, 2, 29, 13, 45, 12, DateTimeKind.Utc).AddTicks(1_234_560);
    readonly DuckDatabase database = TestDatabases.InMemory();
    readonly DuckConnection connection;

    public BindingParameters()
    {
        connection = database.Connect();
        connection.Execute("CREATE TABLE entries (i BIGINT, d DOUBLE, b BOOLEAN, s VARCHAR, ts TIMESTAMP)");
    }

    [Fact]
    public void stores_a_value_of_each_type_exactly()
    {
        using var insert = connection.Prepare("INSERT INTO entries VALUES ($1, $2, $3, $4, $5)");
        insert.ParameterCount.ShouldBe(5);

        insert.Bind(1, long.MinValue).Bind(2, -0.1).Bind(3, true).Bind(4, "plain").Bind(5, At).ExecuteNonQuery().ShouldBe(1);

        using var reader = connection.Query("SELECT i, d, b, s, ts FROM entries");
        reader.ReadChunk().ShouldBeTrue();
        reader.GetInt64(0, 0).ShouldBe(long.MinValue);
        reader.GetDouble(1, 0).ShouldBe(-0.1);
        reader.GetBoolean(2, 0).ShouldBeTrue();
        reader.GetString(3, 0).ShouldBe("plain");
        reader.GetDateTime(4, 0).ShouldBe(At);
        reader.GetDateTime(4, 0).Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void stores_a_string_full_of_sql_syntax_verbatim()
    {
        using (var insert = connection.Prepare("INSERT INTO entries (s) VALUES (?)"))
            insert.Bind(1, Hostile).ExecuteNonQuery();

        connection.ExecuteScalar<string>("SELECT s FROM entries").ShouldBe(Hostile);
        connection.ExecuteScalar<long>("SELECT length(s) FROM entries").ShouldBe(Hostile.EnumerateRunes().Count());
        connection.ExecuteScalar<long>("SELECT strlen(s) FROM entries").ShouldBe(Encoding.UTF8.GetByteCount(Hostile));
        connection.ExecuteScalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'entries'").ShouldBe(1);
    }

    [Fact]
    public void finds_rows_by_a_bound_string()
    {
        connection.Execute("INSERT INTO entries (i, s) VALUES (1, 'a'), (2, 'b')");
        using var select = connection.Prepare("SELECT i FROM entries WHERE s = $1");

        select.Bind(1, "b").ExecuteScalar<long>().ShouldBe(2);
        select.Bind(1, "' OR '1'='1").ExecuteScalar<long?>().ShouldBeNull();
    }

    [Fact]
    public void runs_again_with_new_bindings()
    {
        using var insert = connection.Prepare("INSERT INTO entries (i, s) VALUES ($1, $2)");
        for (var i = 1; i <= 3; i++)
            insert.Bind(1, i).Bind(2, $"row {i}").ExecuteNonQuery();

        connection.ExecuteScalar<long>("SELECT sum(i) FROM entries").ShouldBe(6);
        connection.ExecuteScalar<string>("SELECT string_agg(s, ',' ORDER BY i) FROM entries").ShouldBe("row 1,row 2,row 3");
    }

    [Fact]
    public void binds_nulls_explicitly_and_for_a_null_string()
    {
        using var insert = connection.Prepare("INSERT INTO entries (i, s) VALUES ($1, $2)");

        insert.BindNull(1).Bind(2, (string?)null).ExecuteNonQuery();

        connection.ExecuteScalar<long>("SELECT count(*) FROM entries WHERE i IS NULL AND s IS NULL").ShouldBe(1);
    }

    [Fact]
    public void reports_the_changed_row_count_of_updates_and_deletes()
    {
        connection.Execute("INSERT INTO entries (i) SELECT range FROM range(10)");
        using var update = connection.Prepare("UPDATE entries SET b = true WHERE i < $1");
        using var delete = connection.Prepare("DELETE FROM entries WHERE b");

        update.Bind(1, 4).ExecuteNonQuery().ShouldBe(4);
        delete.ExecuteNonQuery().ShouldBe(4);
        connection.Execute("DELETE FROM entries").ShouldBe(6);
    }

    [Fact]
    public void refuses_a_parameter_the_statement_does_not_have()
    {
        using var select = connection.Prepare("SELECT $1::BIGINT");

        Should.Throw<DuckDbException>(() => select.Bind(2, 1L)).Message.ShouldContain("has 1 parameter");
        Should.Throw<ArgumentOutOfRangeException>(() => select.Bind(0, 1L));
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
