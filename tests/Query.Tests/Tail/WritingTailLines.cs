using System.Text;
using System.Text.Json;
using Contracts.Logs;
using Query.Tail;
using static Query.Tests.Tail.TailFilters;

namespace Query.Tests.Tail;

/// <summary>A tailed line has the shape of a search result; a drop notice says how many lines were lost.</summary>
public sealed class WritingTailLines
{
    static JsonElement Written(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream)) write(json);
        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement;
    }

    [Fact]
    public void a_line_has_the_fields_of_a_search_result_with_nanosecond_time()
    {
        var line = Written(json => TailJson.WriteLine(json, Line("payment failed", LogLevel.Error, "checkout", traceId: "abc",
            time: Noon + 123_456_789, attributes: [("http.status", "500")])));

        line.EnumerateObject().Select(p => p.Name).ShouldBe(["timestamp", "level", "service", "host", "message", "traceId", "spanId", "attributes"]);
        line.GetProperty("timestamp").GetString().ShouldBe("2026-01-01T12:00:00.123456789Z");
        line.GetProperty("level").GetString().ShouldBe("error");
        line.GetProperty("service").GetString().ShouldBe("checkout");
        line.GetProperty("host").ValueKind.ShouldBe(JsonValueKind.Null);
        line.GetProperty("traceId").GetString().ShouldBe("abc");
        line.GetProperty("attributes").GetProperty("http.status").GetString().ShouldBe("500");
    }

    [Fact]
    public void a_drop_notice_carries_its_count_and_names_its_type_where_the_transport_does_not()
    {
        var typed = Written(json => TailJson.WriteDropped(json, 42, withType: true));
        typed.GetProperty("type").GetString().ShouldBe("dropped");
        typed.GetProperty("count").GetInt64().ShouldBe(42);
        Written(json => TailJson.WriteDropped(json, 7, withType: false)).EnumerateObject().Select(p => p.Name).ShouldBe(["count"]);
    }
}
