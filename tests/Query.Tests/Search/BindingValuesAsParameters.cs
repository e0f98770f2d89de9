using System.Text.Json;
using System.Text.RegularExpressions;
using BuildingBlocks.DuckDb;
using Query.Language;
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

    static Expr Shape(string service, string level, string attribute, string value, string text, string other) =>
        new And(new Compare(new FieldRef("service", 0), CompareOp.Equal, new Literal(service, true, 0), 0),
            new And(new Compare(new FieldRef("level", 0), CompareOp.Equal, new Literal(level, true, 0), 0),
                new And(new Compare(new FieldRef(attribute, 0), CompareOp.Equal, new Literal(value, true, 0), 0),
                    new And(new TextMatch(text, 0), new TextMatch(other, 0), 0), 0), 0), 0);

    static Expr Hostile => Shape(Value, "ERROR", Attribute, Value, Value, "'; DROP TABLE x; --");
    static Expr Benign => Shape("api", "info", "user_id", "u1", "hello", "world");

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
        var hostile = FilterCompiler.Compile(Hostile, new SqlParameters());
        var benign = FilterCompiler.Compile(Benign, new SqlParameters());

        hostile.Head.ShouldBe(benign.Head);
        hostile.Segment.ShouldBe(benign.Segment);
    }

    [Theory]
    [InlineData("service=\"x'; DROP TABLE head; --\" AND message CONTAINS \"' OR 1=1 --\" | count by host", "service=\"api\" AND message CONTAINS \"timeout\" | count by host")]
    [InlineData("\"; SELECT * FROM read_parquet('/etc/passwd'); --\" OR level=error", "\"timeout\" OR level=warn")]
    [InlineData("user_id IN (\"a'\", \"b;\", \"🦆\") NOT host =~ \"(.*)'$\"", "user_id IN (\"a\", \"b\", \"c\") NOT host =~ \"web\"")]
    public void a_parsed_query_compiles_to_the_same_sql_as_a_harmless_one_of_the_same_shape(string hostile, string harmless)
    {
        var compiled = FilterCompiler.Compile(QueryParser.Parse(hostile).Filter, new SqlParameters());
        var expected = FilterCompiler.Compile(QueryParser.Parse(harmless).Filter, new SqlParameters());

        compiled.Head.ShouldBe(expected.Head);
        compiled.Segment.ShouldBe(expected.Segment);
    }

    [Fact]
    public void the_conditions_hold_nothing_but_column_names_functions_and_markers()
    {
        var filter = FilterCompiler.Compile(Hostile, new SqlParameters());

        foreach (var conditions in new[] { filter.Head, filter.Segment })
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
        var filter = FilterCompiler.Compile(Shape(Value, "ERROR", Attribute, Value, Value, Value), parameters);

        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM head WHERE " + filter.Head);

        statement.ExecuteScalar<long>().ShouldBe(1);
    }

    [Fact]
    public void hostile_values_find_the_row_that_holds_them_in_a_segment()
    {
        var parameters = new SqlParameters();
        var filter = FilterCompiler.Compile(Shape(Value, "ERROR", Attribute, Value, Value, Value), parameters);

        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM segment WHERE " + filter.Segment);

        statement.ExecuteScalar<long>().ShouldBe(1);
    }

    [Fact]
    public void a_level_name_that_means_nothing_matches_nothing_instead_of_reaching_the_sql()
    {
        var parameters = new SqlParameters();
        var filter = FilterCompiler.Compile(new Compare(new FieldRef("level", 0), CompareOp.Equal, new Literal("' OR '1'='1", true, 0), 0), parameters);

        filter.Head.ShouldBe("false");
        using var statement = parameters.Prepare(connection, "SELECT count(*) FROM head WHERE " + filter.Head);
        statement.ExecuteScalar<long>().ShouldBe(0);
    }

    public void Dispose()
    {
        connection.Dispose();
        database.Dispose();
    }
}
