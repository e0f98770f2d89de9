using System.Text;
using BuildingBlocks.DuckDb;
using Query.Search;
using Query.Segments;

namespace Query.Tests.Search;

/// <summary>
/// A text match, run by DuckDB's regexp_matches with the pattern as a parameter, follows the token rules: so a block
/// whose bloom lacks one of the text's tokens can be skipped without losing a result.
/// </summary>
public sealed class MatchingWholeWords : IDisposable
{
    readonly DuckDatabase database = DuckDatabase.Open();
    readonly DuckConnection connection;
    readonly DuckStatement matches;

    public MatchingWholeWords()
    {
        connection = database.Connect();
        matches = connection.Prepare("SELECT regexp_matches($1, $2)");
    }

    bool Matches(string message, string text) => matches.Bind(1, message).Bind(2, TextPattern.For(text)).ExecuteScalar<bool>();

    void ShouldMatch(string text, string[] yes, string[] no)
    {
        foreach (var message in yes) Matches(message, text).ShouldBeTrue($"'{text}' should match '{message}'");
        foreach (var message in no) Matches(message, text).ShouldBeFalse($"'{text}' should not match '{message}'");
    }

    [Fact]
    public void a_word_matches_only_as_a_whole_token() => ShouldMatch("timeout",
        yes: ["a timeout.", "timeout", "Timeout: 30s", "x-timeout-y", "(timeout)", "line1\ntimeout\n"],
        no: ["timeouts", "mytimeout", "timeout_ms", "timeout2", "timeoutñ", "time out", ""]);

    [Fact]
    public void ascii_letters_match_in_either_case() => ShouldMatch("TimeOut",
        yes: ["TIMEOUT", "timeout", "a tImEoUt b"],
        no: ["TIMEOUTS"]);

    [Fact]
    public void non_ascii_letters_match_only_themselves() => ShouldMatch("Grüße",
        yes: ["Viele Grüße!", "viele grüße", "GRüßE"],
        no: ["GRÜSSE", "grÜße", "Grüßen", "Grüßeé", "éGrüße", "Gruse"]);

    [Fact]
    public void a_non_ascii_letter_is_part_of_its_word() => ShouldMatch("ü",
        yes: ["ü", "a ü b"],
        no: ["grüße", "Ü"]);

    [Fact]
    public void a_phrase_with_punctuation_matches_that_exact_punctuation()
    {
        ShouldMatch("connection-refused",
            yes: ["error: Connection-Refused by peer", "connection-refused"],
            no: ["connection refused", "connection-refusedX", "connection_refused", "connection--refused"]);
        ShouldMatch("10.0.0.1",
            yes: ["from 10.0.0.1:80", "10.0.0.1"],
            no: ["10.0.0.10", "110.0.0.1", "10a0b0c1", "10.0.0.1a"]);
        ShouldMatch(": 500",
            yes: ["status: 500 done", "x: 500"],
            no: ["status: 5000", "status:500", "status : 5001"]);
    }

    [Theory]
    [InlineData("a.b", "x a.b y", "axb")]
    [InlineData("(x)", "f(x) = 1", "x")]
    [InlineData("[y]", "list [y]", "y")]
    [InlineData("$", "cost $5", "cost 5")]
    [InlineData("^", "2^3", "23")]
    [InlineData(@"\", @"C:\dir", "C:/dir")]
    [InlineData(@"\d", @"a \d b", "1")]
    [InlineData("a*b", "a*b", "b")]
    [InlineData("a+b", "1 a+b", "aab")]
    [InlineData("a?b", "a?b", "b")]
    [InlineData("a|b", "a|b", "b")]
    [InlineData("x{2}", "x{2}", "xx")]
    [InlineData(".*", "see .*", "anything")]
    public void regex_syntax_in_the_text_is_literal(string text, string matching, string notMatching) =>
        ShouldMatch(text, yes: [matching], no: [notMatching]);

    [Fact]
    public void a_text_without_token_characters_matches_wherever_it_appears()
    {
        Tokens.HasTokens("--").ShouldBeFalse();
        ShouldMatch("--", yes: ["a -- b", "a--b", "--"], no: ["a - b", "a — b"]);
    }

    // Small pieces glued without separators, so words run into each other and punctuation lands everywhere.
    static readonly string[] Pieces =
    [
        "timeout", "Timeout", "TIMEOUTS", "a", "ab", "B", "x_y", "id", "42", "7", "0", "Grüße", "grüße", "é", "日本", "🦆",
        " ", " ", " ", "  ", "\t", ".", ",", "-", ":", "=", "/", "(", ")", "[", "]", "_", "\\", "$", "^", "*", "+", "?", "|", "\"", "'",
    ];

    static string Build(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => Pieces[random.Next(Pieces.Length)]));

    static string Substring(Random random, string message)
    {
        var start = random.Next(message.Length);
        var end = random.Next(start + 1, message.Length + 1);
        if (char.IsLowSurrogate(message[start])) start--;
        if (end < message.Length && char.IsLowSurrogate(message[end])) end++;
        return message[start..end];
    }

    static bool IsTokenChar(char c) => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || c == '_';
    static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    // The rule written out plainly: the text occurs (ASCII case folded) and does not cut a token at either end.
    static bool Reference(string message, string text)
    {
        for (var at = 0; at + text.Length <= message.Length; at++)
        {
            var same = true;
            for (var i = 0; i < text.Length && same; i++) same = Fold(message[at + i]) == Fold(text[i]);
            if (!same) continue;
            var leftCut = text.Length > 0 && IsTokenChar(text[0]) && at > 0 && IsTokenChar(message[at - 1]);
            var end = at + text.Length;
            var rightCut = text.Length > 0 && IsTokenChar(text[^1]) && end < message.Length && IsTokenChar(message[end]);
            if (!leftCut && !rightCut) return true;
        }
        return false;
    }

    static IEnumerable<string> WordsOf(string message)
    {
        var word = new StringBuilder();
        foreach (var c in message + " ")
        {
            if (IsTokenChar(c)) word.Append(c);
            else if (word.Length > 0) { yield return word.ToString(); word.Clear(); }
        }
    }

    [Fact]
    public void whenever_a_text_matches_every_token_of_the_text_is_a_token_of_the_message()
    {
        var random = new Random(20240229);
        int cases = 0, matched = 0, notMatched = 0;
        for (var i = 0; i < 3000; i++)
        {
            var message = Build(random, random.Next(1, 12));
            var text = random.Next(3) == 0 ? Build(random, random.Next(1, 4)) : Substring(random, message);
            var isMatch = Matches(message, text);
            cases++;
            if (!isMatch) { notMatched++; continue; }
            matched++;
            var messageTokens = Tokens.HashesOf(message).ToHashSet();
            foreach (var hash in Tokens.HashesOf(text))
                messageTokens.ShouldContain(hash, $"'{text}' matched '{message}' but one of its tokens is not in the message");
        }
        cases.ShouldBe(3000);
        matched.ShouldBeGreaterThan(800);
        notMatched.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void duckdb_agrees_with_the_plain_rule_on_random_messages_and_texts()
    {
        var random = new Random(7);
        var disagreements = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var message = Build(random, random.Next(1, 12));
            var text = random.Next(3) == 0 ? Build(random, random.Next(1, 4)) : Substring(random, message);
            if (Matches(message, text) != Reference(message, text)) disagreements.Add($"'{text}' in '{message}'");
        }
        disagreements.ShouldBeEmpty();
    }

    [Fact]
    public void every_word_of_a_message_matches_it_in_any_ascii_case()
    {
        var random = new Random(11);
        var checkedWords = 0;
        for (var i = 0; i < 1000; i++)
        {
            var message = Build(random, random.Next(1, 12));
            foreach (var word in WordsOf(message))
            {
                var asTyped = string.Concat(word.Select(c => !char.IsAsciiLetter(c) ? c : random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
                Matches(message, asTyped).ShouldBeTrue($"word '{asTyped}' of '{message}'");
                checkedWords++;
            }
        }
        checkedWords.ShouldBeGreaterThan(1000);
    }

    public void Dispose()
    {
        matches.Dispose();
        connection.Dispose();
        database.Dispose();
    }
}
