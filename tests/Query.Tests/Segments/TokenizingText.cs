using System.Text;
using Query.Segments;

namespace Query.Tests.Segments;

public class TokenizingText
{
    // An independent FNV-1a 64 + murmur3 fmix64 over the expected token, pinning the persisted hash function.
    static ulong Reference(string token)
    {
        ulong h = 14695981039346656037;
        foreach (byte b in Encoding.UTF8.GetBytes(token))
            h = (h ^ b) * 1099511628211;
        h = (h ^ (h >> 33)) * 0xff51afd7ed558ccd;
        h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53;
        return h ^ (h >> 33);
    }

    static ulong[] ReferenceOf(params string[] tokens) => [.. tokens.Select(Reference)];

    [Fact]
    public void splits_on_punctuation_and_space_folds_ascii_case_and_keeps_each_token_once() =>
        Tokens.HashesOf("ERROR: Connection-Refused at 10.0.0.1")
            .ShouldBe(ReferenceOf("error", "connection", "refused", "at", "10", "0", "1"));

    [Fact]
    public void keeps_a_word_with_non_ascii_letters_as_one_token_without_folding_them() =>
        Tokens.HashesOf("Grüße, ÄRGER!").ShouldBe(ReferenceOf("grüße", "Ärger"));

    [Fact]
    public void keeps_underscores_inside_tokens() =>
        Tokens.HashesOf("user_id=_x42 a__b").ShouldBe(ReferenceOf("user_id", "_x42", "a__b"));

    [Fact]
    public void keeps_cjk_and_emoji_inside_tokens_up_to_an_ascii_separator() =>
        Tokens.HashesOf("日本語のログ🚀ok done").ShouldBe(ReferenceOf("日本語のログ🚀ok", "done"));

    [Theory]
    [InlineData("")]
    [InlineData("--")]
    [InlineData(" \t\r\n.:;,/\\-+=()[]{}<>\"'`!?@#$%^&*|~")]
    public void finds_no_token_in_text_without_token_characters(string text)
    {
        Tokens.HashesOf(text).ShouldBeEmpty();
        Tokens.HasTokens(text).ShouldBeFalse();
    }

    [Theory]
    [InlineData("a")]
    [InlineData("--x--")]
    [InlineData("_")]
    [InlineData("é")]
    public void sees_a_token_in_text_with_one_token_character(string text)
    {
        Tokens.HasTokens(text).ShouldBeTrue();
        Tokens.HashesOf(text).Length.ShouldBe(1);
    }

    [Fact]
    public void hashes_the_same_way_for_every_process_and_version() =>
        Tokens.HashesOf("error").ShouldBe([0xFC80_D452_13E4_B6C6UL]);

    [Fact]
    public void adding_the_utf8_bytes_agrees_with_hashing_the_string()
    {
        var random = new Random(7);
        string[] pieces = ["a", "Z", "9", "_", " ", "-", ".", ":", "/", "=", "ü", "日", "🚀", "\t"];
        for (int i = 0; i < 200; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var hashes = new TokenHashes();
            Tokens.AddHashes(Encoding.UTF8.GetBytes(text), hashes);

            hashes.AsSpan().ToArray().ShouldBe(Tokens.HashesOf(text), text);
            Tokens.HasTokens(text).ShouldBe(hashes.Count > 0, text);
        }
    }

    [Fact]
    public void ends_a_token_at_the_end_of_each_call()
    {
        var hashes = new TokenHashes();
        Tokens.AddHashes("conn"u8, hashes);
        Tokens.AddHashes("ection"u8, hashes);

        hashes.AsSpan().ToArray().ShouldBe(ReferenceOf("conn", "ection"));
    }
}
