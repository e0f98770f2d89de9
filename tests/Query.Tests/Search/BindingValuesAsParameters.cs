using System.Text.Json;
using System.Text.RegularExpressions;
using BuildingBlocks.DuckDb;
using Query.Search;

namespace Query.Tests.Search;

/// <summary>User values reach DuckDB only as bound parameters: the SQL text of a search is the same whatever was typed.</summary>
public sealed class BindingValuesAsParameters : IDisposable
{
    const string Attribute = "x'; DROP TABLE head; -- a/b~c \"{{p0}}\" $1";
    const string Value = "'); DELETE FROM head; /* $2 {{p1}} */ \\ 🦆";
    readonly DuckDatabase database = DuckDatabase.Open();
    readonly DuckConnection connection;

    public BindingValuesAsParameters()
    {
        connection = database.Connect();
        connection.Execute("CREATE TABLE head (level VARCHAR, service VARCHAR, host VARCHAR, message VARCHAR, trace_id VARCHAR, " +
            "span_id VARCHAR, source VARCHAR, event_id VARCHAR, attributes VARCHAR)");
        connection.Execute("CREATE TABLE segment (level VARCHAR, service VARCHAR, host VARCHAR, message VARCHAR, trace_id VARCHAR, " +
            "span_id VARCHAR, source VARCHAR, event_id VARCHAR, attributes MAP(VARCHAR, VARCHAR))");
        Insert("error", Value, "web-1", "said " + Value + " twice", Attribute, Value);
        Insert("error", "api", "web-1", "said hello twice", Attribute, "other");
    }

    void Insert(string level, string service, string host, string message, string key, string value)
    {
        using (var head = connection.Prepare("INSERT INTO head VALUES ($1, $2, $3, $4, NULL, NULL, NULL, NULL, $5)"))
            head.Bind(1, level).Bind(2, service).Bind(3, host).Bind(4, message)
                .Bind(5, JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value })).ExecuteNonQuery();
        using var segment = connection.Prepare("INSERT INTO segment VALUES ($1, $2, $3, $4, NULL, NULL, NULL, NULL, MAP([$5], [$6]))");
        segment.Bind(1, level).Bind(2, service).Bind(3, host).Bind(4, message).Bind(5, key).Bind(6, value).ExecuteNonQuery();
    }

    static SearchFilter Hostile => new(
        [new("service", Value), new("level", "ERROR"), new(Attribute, Value)],
        [Value, "'; DROP TABLE x; --"]);

    static SearchFilter Benign => new(
        [new("service", "api"), new("level", "info"), new("user_id", "u1")],
        ["hello", "world"]);

    static readonly Regex Markers = new(@"\{\{p\d+\}\}");

    [Fact]
    public void prepare_numbers_only_the_markers_the_statement_uses_and_binds_their_values()
    {
        var parameters = new SqlParameters();
        var first = parameters.Add("first");
        parameters.Add("second");
        var third = parameters.Add("third");

        using var statement = parameters.Prepare(connection, $"SELECT {third} AS a, {first} AS b, {third} AS c");
        statement.ParameterCount.ShouldBe(2);
        using var reader = statement.ExecuteReader();
        reader.ReadChunk().ShouldBeTrue();
        (reader.GetString(0, 0), reader.GetString(1, 0), reader.GetString(2, 0)).ShouldBe(("third", "first", "third"));
    }

    [Fact]
    public void numbers_are_bound_as_numbers_and_markers_past_ten_are_not_confused()
    {
        var parameters = new SqlParameters();
        var markers = Enumerable.Range(0, 12).Select(i => parameters.Add(i * 100L)).ToArray();
        markers[11].ShouldBe("{{p11}}");

        using var statement = parameters.Prepare(connection, $"SELECT {markers[11]} + {markers[1]}");

        statement.ParameterCount.ShouldBe(2);
        statement.ExecuteScalar<long>().ShouldBe(1200);
    }

    [Fact]
    public void a_value_full_of_sql_and_marker_syntax_arrives_verbatim()
    {
        var parameters = new SqlParameters();
        var marker = parameters.Add("{{p0}}");
        var hostile = parameters.Add(Value);

        using var statement = parameters.Prepare(connection, $"SELECT {marker} || '|' || {hostile}");

        statement.ExecuteScalar<string>().ShouldBe("{{p0}}|" + Value);
        connection.ExecuteScalar<long>("SELECT count(*) FROM head").ShouldBe(2);
    }

    [Fact]
    public void the_conditions_are_the_same_text_whatever_values_were_typed()
    {
        var hostile = new SearchPlanFilter(Hostile, new SqlParameters());
        var benign = new SearchPlanFilter(Benign, new SqlParameters());

        hostile.HeadConditions.ShouldBe(benign.HeadConditions);
        hostile.SegmentConditions.ShouldBe(benign.SegmentConditions);
    }

    [Fact]
    public void the_conditions_hold_nothing_but_column_names_functions_and_markers()
    {
        var filter = new SearchPlanFilter(Hostile, new SqlParameters());

        foreach (var conditions in new[] { filter.HeadConditions, filter.SegmentConditions })
        {
            Markers.Matches(conditions).Count.ShouldBeGreaterThanOrEqualTo(5);
            Markers.Replace(conditions, "").ShouldMatch(@"^[ A-Za-z_(),=\[\]]*$");
            conditions.ShouldNotContain("DROP");
            conditions.ShouldNotContain("DELETE");
            conditions.ShouldNotContain("🦆");
        }
    }

    [Fact]
    public void hostile_values_find_the_row_that_holds_them_in_the_head()
    {
        var parameters = new SqlParameters();
        var filter = new SearchPlanFilter(Hostile with { Texts = [Value] }, parameters);

        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM head WHERE true" + filter.HeadConditions);

        statement.ExecuteScalar<long>().ShouldBe(1);
        filter.Level.ShouldBe((int)Contracts.Logs.LogLevel.Error);
    }

    [Fact]
    public void hostile_values_find_the_row_that_holds_them_in_a_segment()
    {
        var parameters = new SqlParameters();
        var filter = new SearchPlanFilter(Hostile with { Texts = [Value] }, parameters);

        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM segment WHERE true" + filter.SegmentConditions);

        statement.ExecuteScalar<long>().ShouldBe(1);
    }

    [Fact]
    public void a_level_name_that_means_nothing_matches_nothing_instead_of_reaching_the_sql()
    {
        var parameters = new SqlParameters();
        var filter = new SearchPlanFilter(new SearchFilter([new("level", "' OR '1'='1")], []), parameters);

        filter.Level.ShouldBe(-1);
        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM head WHERE true" + filter.HeadConditions);
        statement.ExecuteScalar<long>().ShouldBe(0);
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
