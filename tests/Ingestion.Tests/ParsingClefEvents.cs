using Contracts.Logs;
using Ingestion.Protocols;
using Ingestion.Protocols.Clef;

namespace Ingestion.Tests;

public sealed class ParsingClefEvents
{
    static ParseResult Parse(string body) => ClefParser.Parse(Requests.Utf8(body), Requests.Context);

    static LogRecord One(string line) => Requests.Single(Parse(line));

    [Fact]
    public void maps_the_reserved_properties()
    {
        var record = One("""
            {"@t":"2024-05-01T11:59:57.8532799Z","@m":"Disk full","@l":"Warning","@x":"System.IO.IOException: full\n   at Save()","@i":"a1b2c3d4","@tr":"4BF92F3577B34DA6A3CE929D0E0E4736","@sp":"00f067aa0ba902b7","Drive":"C:"}
            """);

        record.Source.ShouldBe(LogSource.Clef);
        record.TimestampNanos.ShouldBe(Requests.Nanos("2024-05-01T11:59:57Z") + 853_279_900);
        record.Message.ShouldBe("Disk full");
        record.Level.ShouldBe(LogLevel.Warn);
        record.TraceId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
        record.SpanId.ShouldBe("00f067aa0ba902b7");
        record.EventId.ShouldBeNull();
        record.Attributes.ShouldBe(new Dictionary<string, string>
        {
            ["exception"] = "System.IO.IOException: full\n   at Save()",
            ["eventType"] = "a1b2c3d4",
            ["Drive"] = "C:",
        }, ignoreOrder: true);
    }

    [Fact]
    public void is_information_when_there_is_no_level() =>
        One("""{"@t":"2024-05-01T11:59:00Z","@m":"hello"}""").Level.ShouldBe(LogLevel.Info);

    [Fact]
    public void renders_the_message_template_with_the_properties()
    {
        var record = One("""{"@t":"2024-05-01T11:59:00Z","@mt":"User {User} paid {Amount} from {@Card} ({Missing})","User":"ann","Amount":12.5,"Card":{"Last4":"4242"}}""");

        record.Message.ShouldBe("""User "ann" paid 12.5 from {"Last4":"4242"} ({Missing})""");
        record.Attributes["messageTemplate"].ShouldBe("User {User} paid {Amount} from {@Card} ({Missing})");
        record.Attributes["User"].ShouldBe("ann");
        record.Attributes["Card.Last4"].ShouldBe("4242");
    }

    [Fact]
    public void renders_template_details_the_way_serilog_does()
    {
        One("""{"@t":"2024-05-01T11:59:00Z","@mt":"{{literal}} {Name:l} {Flag} [{N,4}] [{N,-4}] {$Name}","Name":"x","Flag":true,"N":7}""")
            .Message.ShouldBe("""{literal} x True [   7] [7   ] "x" """.TrimEnd());
    }

    [Fact]
    public void uses_the_sent_renderings_for_formatted_holes()
    {
        One("""{"@t":"2024-05-01T11:59:00Z","@mt":"The {Item} cost ${Amount:0.00}","Item":"apple","Amount":3.2,"@r":["3.20"]}""")
            .Message.ShouldBe("The \"apple\" cost $3.20");
    }

    [Fact]
    public void prefers_a_rendered_message_to_the_template()
    {
        var record = One("""{"@t":"2024-05-01T11:59:00Z","@m":"already rendered","@mt":"not {This}","This":"x"}""");
        record.Message.ShouldBe("already rendered");
        record.Attributes["messageTemplate"].ShouldBe("not {This}");
    }

    [Fact]
    public void unescapes_user_properties_that_start_with_an_at_sign()
    {
        var record = One("""{"@t":"2024-05-01T11:59:00Z","@m":"by admin","@@who":"admin","@@nested":{"a":1}}""");
        record.Attributes["@who"].ShouldBe("admin");
        record.Attributes["@nested.a"].ShouldBe("1");
        record.Attributes.ContainsKey("@@who").ShouldBeFalse();
    }

    [Fact]
    public void rejects_a_bad_event_and_keeps_the_good_ones_beside_it()
    {
        var result = Parse("""
            {"@t":"2024-05-01T11:59:00Z","@m":"first"}
            {"@t":"not a time","@m":"bad"}
            not json at all
            {"@t":"2024-05-01T11:59:01Z","@m":"last","@l":"Error"}
            """);

        result.Accepted.Select(r => r.Message).ShouldBe(["first", "last"]);
        result.Rejected.Select(r => r.Index).ShouldBe([1, 2]);
        result.Rejected[0].Reason.ShouldContain("@t");
    }

    [Fact]
    public async Task reads_a_gzip_body_once_it_is_decoded()
    {
        var body = Requests.Gzip(Requests.Utf8("{\"@t\":\"2024-05-01T11:59:00Z\",\"@m\":\"zipped\"}\n"));
        using var decoded = await RequestBody.ReadAsync(new MemoryStream(body), "gzip", 1 << 20, 1 << 20, CancellationToken.None);
        Requests.Single(ClefParser.Parse(decoded.Span, Requests.Context)).Message.ShouldBe("zipped");
    }
}
