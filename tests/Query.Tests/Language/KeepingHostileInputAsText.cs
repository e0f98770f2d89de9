using Query.Language;
using static Query.Tests.Language.Trees;

namespace Query.Tests.Language;

/// <summary>Text that looks like SQL, template placeholders or parameter markers is only ever a text term or a
/// literal value, carried verbatim; it never becomes a field name or anything else the compiler would splice in.</summary>
public sealed class KeepingHostileInputAsText
{
    [Theory]
    [InlineData("'; DROP TABLE logs; --", new[] { "';", "DROP", "TABLE", "logs;", "--" })]
    [InlineData("SELECT * FROM logs UNION SELECT password FROM users", new[] { "SELECT", "*", "FROM", "logs", "UNION", "SELECT", "password", "FROM", "users" })]
    [InlineData("$1 {{p0}} @p0 :name ? %s ${env.SECRET}", new[] { "$1", "{{p0}}", "@p0", ":name", "?", "%s", "${env.SECRET}" })]
    [InlineData("ошибка 数据库 naïve 🔥 🧨💥", new[] { "ошибка", "数据库", "naïve", "🔥", "🧨💥" })]
    [InlineData("admin'-- /* */ \\x00 `rm` [x] {y}", new[] { "admin'--", "/*", "*/", "\\x00", "`rm`", "[x]", "{y}" })]
    public void words_that_look_like_code_are_text_matches_taken_verbatim(string query, string[] words) =>
        Conjuncts(FilterOf(query)).ShouldBe(InPlace(query, words));

    [Theory]
    [InlineData("'; DROP TABLE logs; --")]
    [InlineData("\" OR 1=1 --")]
    [InlineData("') UNION SELECT * FROM tenants --")]
    [InlineData("{{p0}}")]
    [InlineData("$1")]
    [InlineData("😀 \u0000 \u202E")]
    public void a_quoted_phrase_or_value_keeps_every_character(string text)
    {
        var escaped = text.Replace("\\", "\\\\").Replace("\"", "\\\"");

        FilterOf($"\"{escaped}\"").ShouldBe(Text(text, 0));
        FilterOf($"message=\"{escaped}\"").ShouldBe(new Compare(Field("message", 0), CompareOp.Equal, Quoted(text, 8), 0));
        FilterOf($"message CONTAINS \"{escaped}\"").ShouldBe(new Contains(Field("message", 0), Quoted(text, 17), 0));
    }

    [Theory]
    [InlineData("user=$1", "$1")]
    [InlineData("user={{p0}}", "{{p0}}")]
    [InlineData("user=';DROP", "';DROP")]
    [InlineData("user=🔥", "🔥")]
    public void an_unquoted_value_keeps_every_character_up_to_the_next_delimiter(string query, string value) =>
        FilterOf(query).ShouldBe(new Compare(Field("user", 0), CompareOp.Equal, Bare(value, 5), 0));

    [Theory]
    [InlineData("1=1", 0)]
    [InlineData("a OR 1=1", 5)]
    [InlineData("x'='x", 1)]
    [InlineData("attributes['x']=1", 10)]
    [InlineData("user;DROP=1", 4)]
    [InlineData("a/**/b=1", 1)]
    [InlineData("$1=2", 0)]
    [InlineData("EXISTS \"x') OR 1=1 --\"", 7)]
    [InlineData("| count by service;drop", 18)]
    [InlineData("| stats avg(x') by y", 13)]
    public void a_field_name_outside_the_plain_alphabet_is_refused_rather_than_passed_on(string query, int position) =>
        Refusal(query).Position.ShouldBe(position);

    [Fact]
    public void sql_keywords_after_an_operator_are_values() =>
        FilterOf("level=SELECT").ShouldBe(new Compare(Field("level", 0), CompareOp.Equal, Bare("SELECT", 6), 0));

    /// <summary>Each word as a text match at its place in the query, searching on from the previous word's end.</summary>
    static List<Expr> InPlace(string query, string[] words)
    {
        var matches = new List<Expr>();
        var from = 0;
        foreach (var word in words)
        {
            var at = query.IndexOf(word, from, StringComparison.Ordinal);
            matches.Add(Text(word, at));
            from = at + word.Length;
        }
        return matches;
    }
}
