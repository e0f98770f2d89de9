using Query.Search;

namespace Query.Tests.Search;

/// <summary>A page's cursor is an opaque URL-safe token that decodes back to the same position and refuses anything it did not make.</summary>
public sealed class PagingWithCursors
{
    static string Valid => new SearchCursor(1_763_000_000_000_000_000, 42).Encode();

    // The bytes of a cursor (version, time, row id) spelled out independently of Encode.
    static string Raw(params byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] Bytes(byte version, long time, long row)
    {
        var bytes = new byte[17];
        bytes[0] = version;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), time);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(9), row);
        return bytes;
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(-1L, -1L)]
    [InlineData(1L, 0L)]
    [InlineData(long.MaxValue, long.MaxValue)]
    [InlineData(long.MinValue, long.MaxValue)]
    [InlineData(long.MaxValue, long.MinValue)]
    [InlineData(1_763_000_000_123_456_789L, 987_654_321L)]
    public void a_cursor_decodes_to_the_position_it_was_made_from(long time, long row)
    {
        var text = new SearchCursor(time, row).Encode();

        SearchCursor.TryDecode(text, out var cursor).ShouldBeTrue();
        cursor.ShouldBe(new SearchCursor(time, row));
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(-1L, -1L)]
    [InlineData(long.MaxValue, long.MinValue)]
    public void a_cursor_is_url_safe_text_without_padding(long time, long row)
    {
        var text = new SearchCursor(time, row).Encode();

        text.Length.ShouldBe(23);
        text.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
        text.ShouldBe(Raw(Bytes(1, time, row)));
    }

    [Fact]
    public void different_positions_give_different_cursors()
    {
        new SearchCursor(1, 2).Encode().ShouldNotBe(new SearchCursor(2, 1).Encode());
        new SearchCursor(0, 0).Encode().ShouldNotBe(new SearchCursor(0, 1).Encode());
    }

    [Fact]
    public void a_cursor_spelled_byte_by_byte_decodes_big_endian()
    {
        SearchCursor.TryDecode(Raw(Bytes(1, 0x0102030405060708, -2)), out var cursor).ShouldBeTrue();

        cursor.ShouldBe(new SearchCursor(0x0102030405060708, -2));
    }

    public static TheoryData<string?> Garbage => new()
    {
        null,
        "",
        " ",
        "not a cursor",
        "!!!!!!!!!!!!!!!!!!!!!!!",
        "AQ==",
        "'; DROP TABLE x; --",
        "🦆🦆🦆🦆🦆🦆🦆🦆🦆🦆🦆🦆",
        new string('A', 33),
        new string('A', 1000),
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void text_that_is_not_a_cursor_is_refused_without_throwing(string? text)
    {
        var cursor = new SearchCursor(1, 1);

        Should.NotThrow(() => SearchCursor.TryDecode(text, out cursor)).ShouldBeFalse();
        cursor.ShouldBe(default);
    }

    [Theory]
    [InlineData((byte)0)]
    [InlineData((byte)2)]
    [InlineData((byte)255)]
    public void a_cursor_of_another_version_is_refused(byte version) =>
        SearchCursor.TryDecode(Raw(Bytes(version, 5, 6)), out _).ShouldBeFalse();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(12)]
    [InlineData(22)]
    public void a_cursor_cut_short_is_refused_without_throwing(int keep)
    {
        Valid.Length.ShouldBeGreaterThan(keep);
        var cursor = new SearchCursor(1, 1);

        Should.NotThrow(() => SearchCursor.TryDecode(Valid[..keep], out cursor)).ShouldBeFalse();
        cursor.ShouldBe(default);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(18)]
    [InlineData(24)]
    public void bytes_of_the_wrong_length_are_refused_even_with_the_right_version(int length)
    {
        var bytes = new byte[length];
        bytes[0] = 1;

        SearchCursor.TryDecode(Raw(bytes), out _).ShouldBeFalse();
    }

    [Fact]
    public void a_cursor_with_characters_appended_is_refused()
    {
        SearchCursor.TryDecode(Valid + "A", out _).ShouldBeFalse();
        SearchCursor.TryDecode(Valid + "AAAA", out _).ShouldBeFalse();
        SearchCursor.TryDecode(Valid + Valid, out _).ShouldBeFalse();
    }
}
