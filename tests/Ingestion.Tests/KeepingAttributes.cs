using Contracts.Logs;

namespace Ingestion.Tests;

public sealed class KeepingAttributes
{
    [Fact]
    public void keeps_the_last_value_of_a_repeated_key_in_first_position()
    {
        var map = AttributeMap.From([new("a", "1"), new("b", "2"), new("a", "3")]);

        map.Count.ShouldBe(2);
        map["a"].ShouldBe("3");
        map.Select(pair => pair.Key).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void finds_keys_in_small_and_large_maps()
    {
        var large = AttributeMap.From(Enumerable.Range(0, 100).Select(i => new KeyValuePair<string, string>($"k{i}", $"v{i}")));

        large.Count.ShouldBe(100);
        large["k77"].ShouldBe("v77");
        large.TryGetValue("missing", out _).ShouldBeFalse();
        AttributeMap.Empty.ContainsKey("k1").ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => large["missing"]);
    }

    [Fact]
    public void a_builder_is_reusable_and_its_maps_do_not_change_afterwards()
    {
        var builder = new AttributeMapBuilder();
        builder.Set("a", "1");
        var first = builder.ToMap();
        builder.Clear();
        builder.Set("b", "2");

        first.ShouldBe([new KeyValuePair<string, string>("a", "1")]);
        builder.ToMap().ShouldBe([new KeyValuePair<string, string>("b", "2")]);
    }

    [Fact]
    public void a_builder_removes_keys_even_past_its_index_threshold()
    {
        var builder = new AttributeMapBuilder();
        for (var i = 0; i < 40; i++) builder.Set($"k{i}", $"{i}");
        builder.Remove("k3", out var removed).ShouldBeTrue();
        builder.Set("k39", "again");

        removed.ShouldBe("3");
        var map = builder.ToMap();
        map.Count.ShouldBe(39);
        map["k39"].ShouldBe("again");
        map.ContainsKey("k3").ShouldBeFalse();
    }
}
