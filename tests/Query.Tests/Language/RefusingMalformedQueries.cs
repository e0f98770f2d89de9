using Query.Language;
using static Query.Tests.Language.Trees;

namespace Query.Tests.Language;

/// <summary>A query that cannot be read is refused with the zero-based position of the culprit and a message that
/// names its one-based column and what was expected there, suggesting the keyword or stage probably meant.</summary>
public sealed class RefusingMalformedQueries
{
    [Theory]
    [InlineData("level=error AN timeout", 12, "unexpected token 'AN' at column 13; did you mean AND?")]
    [InlineData("a ANDD b", 2, "unexpected token 'ANDD' at column 3; did you mean AND?")]
    [InlineData("a ADN b", 2, "unexpected token 'ADN' at column 3; did you mean AND?")]
    [InlineData("NOTT a", 0, "unexpected token 'NOTT' at column 1; did you mean NOT?")]
    [InlineData("a OT b", 2, "unexpected token 'OT' at column 3; did you mean NOT?")]
    [InlineData("a ORR b", 2, "unexpected token 'ORR' at column 3; did you mean OR?")]
    [InlineData("host IM (a)", 5, "unexpected token 'IM' at column 6; did you mean IN?")]
    [InlineData("""message CONTAIN "x" """, 8, "unexpected token 'CONTAIN' at column 9; did you mean CONTAINS?")]
    [InlineData("message CONTIANS x", 8, "unexpected token 'CONTIANS' at column 9; did you mean CONTAINS?")]
    [InlineData("EXIST trace_id", 0, "unexpected token 'EXIST' at column 1; did you mean EXISTS?")]
    [InlineData("| cont", 2, "unknown stage 'cont' at column 3; did you mean count?")]
    [InlineData("| histgram 1m", 2, "unknown stage 'histgram' at column 3; did you mean histogram?")]
    [InlineData("| lim 5", 2, "unknown stage 'lim' at column 3; did you mean limit?")]
    public void a_near_miss_of_a_keyword_or_a_stage_suggests_it(string query, int position, string message) =>
        RefusedAt(query, position, message);

    [Theory]
    [InlineData("(a OR b", 7, "expected ')' at column 8; the '(' at column 1 is still open")]
    [InlineData("(a OR b | count", 8, "expected ')' at column 9; the '(' at column 1 is still open")]
    [InlineData("level=error extra )", 18, "unexpected ')' at column 19; no '(' is open")]
    [InlineData("()", 1, "expected a search term after '(' at column 2; found ')'")]
    [InlineData("a AND", 5, "expected a search term after 'AND' at column 6")]
    [InlineData("a AND OR b", 6, "expected a search term after 'AND' at column 7; found 'OR'")]
    [InlineData("OR a", 0, "unexpected token 'OR' at column 1; expected a search term before it")]
    [InlineData("NOT", 3, "expected a search term after 'NOT' at column 4")]
    [InlineData("a,b", 1, "unexpected ',' at column 2")]
    [InlineData("a ! b", 2, "unexpected '!' at column 3; did you mean != or !~?")]
    [InlineData("a~b", 1, "unexpected '~' at column 2; did you mean =~ or !~?")]
    [InlineData("""a "unclosed""", 2, """unclosed quote at column 3; end the string with " (write \" for a quote inside it)""")]
    [InlineData("""a "ends in an escape\" """, 2, """unclosed quote at column 3; end the string with " (write \" for a quote inside it)""")]
    [InlineData("""a "" b""", 2, """unexpected "" at column 3; an empty phrase would match every line""")]
    public void a_filter_that_does_not_hold_together_is_refused_where_it_breaks(string query, int position, string message) =>
        RefusedAt(query, position, message);

    [Theory]
    [InlineData("level=", 6, "expected a value after '=' at column 7")]
    [InlineData("level= )", 7, "expected a value after '=' at column 8; found ')'")]
    [InlineData("level=AND", 6, """expected a value after '=' at column 7; write "AND" to use the word as a value""")]
    [InlineData("=error", 0, "expected a field before '=' at column 1")]
    [InlineData("a=b=c", 3, "expected a field before '=' at column 4")]
    [InlineData("\"level\"=error", 0, "expected a field before '=' at column 1; field names are not quoted")]
    [InlineData("5=x", 0, "invalid field name '5' at column 1; a field name starts with a letter, '_' or '@'")]
    [InlineData("http;status=1", 4, "invalid character ';' in field name 'http;status' at column 5; a field name holds only letters, digits, '_', '.', '-' and '@'")]
    [InlineData("x CONTAINS", 10, "expected a value after 'CONTAINS' at column 11")]
    [InlineData("CONTAINS x", 0, "unexpected token 'CONTAINS' at column 1; CONTAINS follows a field, as in message CONTAINS \"timeout\"")]
    [InlineData("path =~ ^/api", 8, "expected a quoted regex after '=~' at column 9; a regex is always quoted, as in =~ \"time(d)?out\"")]
    [InlineData("host IN web-1", 8, "expected '(' after 'IN' at column 9; as in host IN (web-1, web-2)")]
    [InlineData("host IN ()", 9, "expected a value after '(' at column 10; found ')'")]
    [InlineData("host IN (a, )", 12, "expected a value after ',' at column 13; found ')'")]
    [InlineData("host IN (a b)", 11, "expected ',' or ')' at column 12; the '(' at column 9 is still open")]
    [InlineData("EXISTS AND", 7, "expected a field after 'EXISTS' at column 8; found 'AND'")]
    public void a_comparison_missing_its_field_operator_or_value_is_refused(string query, int position, string message) =>
        RefusedAt(query, position, message);

    [Theory]
    [InlineData("a |", 3, "'|' must be followed by a stage (count, histogram, top, fields, sort, limit, stats) at column 4")]
    [InlineData("a | | count", 4, "'|' must be followed by a stage (count, histogram, top, fields, sort, limit, stats) at column 5")]
    [InlineData("| frobnicate", 2, "unknown stage 'frobnicate' at column 3; a stage is one of count, histogram, top, fields, sort, limit, stats")]
    [InlineData("| count by", 10, "expected a field after 'by' at column 11")]
    [InlineData("| count host", 8, "unexpected token 'host' at column 9; expected 'by', '|' or the end of the query after count")]
    [InlineData("| count by a b", 13, "unexpected token 'b' at column 14; expected ',', '|' or the end of the query after count")]
    [InlineData("| top x host", 6, "top needs a whole number from 1 to 100000 at column 7; not 'x'")]
    [InlineData("| top 0 host", 6, "top needs a whole number from 1 to 100000 at column 7; not '0'")]
    [InlineData("| top 10", 8, "expected a field after '10' at column 9")]
    [InlineData("| histogram", 11, "histogram needs an interval like 1m at column 12")]
    [InlineData("| histogram 0m", 12, "histogram needs an interval like 1m at column 13; '0m' is not one: a whole number above 0 then ms, s, m, h or d")]
    [InlineData("| histogram 1M", 12, "histogram needs an interval like 1m at column 13; '1M' is not one: a whole number above 0 then ms, s, m, h or d")]
    [InlineData("| histogram 1m by a, b", 19, "histogram groups by one field at column 20; use count by a, b for several")]
    [InlineData("| stats p42(x)", 8, "unknown function 'p42' at column 9; stats takes avg, min, max, sum, p50, p95 or p99")]
    [InlineData("| stats p95 duration_ms", 12, "expected '(' after 'p95' at column 13; as in p95(duration_ms)")]
    [InlineData("| stats p95(duration_ms", 23, "expected ')' at column 24; the '(' at column 12 is still open")]
    [InlineData("| fields a,", 11, "expected a field after ',' at column 12")]
    [InlineData("| sort", 6, "expected a field after 'sort' at column 7")]
    [InlineData("| sort a up", 9, "unexpected token 'up' at column 10; expected '|' or the end of the query after sort")]
    [InlineData("| limit 0", 8, "limit needs a whole number from 1 to 100000 at column 9; not '0'")]
    [InlineData("| limit -5", 8, "limit needs a whole number from 1 to 100000 at column 9; not '-5'")]
    [InlineData("| limit 1.5", 8, "limit needs a whole number from 1 to 100000 at column 9; not '1.5'")]
    [InlineData("| limit 100001", 8, "limit needs a whole number from 1 to 100000 at column 9; not '100001'")]
    [InlineData("| limit 10 20", 11, "unexpected token '20' at column 12; expected '|' or the end of the query after limit")]
    public void a_stage_with_a_missing_or_bad_argument_is_refused(string query, int position, string message) =>
        RefusedAt(query, position, message);

    [Theory]
    [InlineData("OK")]
    [InlineData("FOR")]
    [InlineData("END")]
    [InlineData("NOTE")]
    public void an_upper_case_word_one_typo_from_a_keyword_must_be_quoted_to_be_searched(string word)
    {
        Refusal($"status {word}").Position.ShouldBe(7);
        FilterOf($"status \"{word}\"").ShouldBe(new And(Text("status", 0), Text(word, 7), 0));
    }

    [Theory]
    [InlineData("an")]
    [InlineData("Andd")]
    [InlineData("contain")]
    public void a_near_miss_that_is_not_all_upper_case_is_an_ordinary_word(string word) =>
        FilterOf(word).ShouldBe(Text(word, 0));

    static void RefusedAt(string query, int position, string message)
    {
        var refusal = Refusal(query);

        refusal.Message.ShouldBe(message);
        refusal.Position.ShouldBe(position);
    }
}
