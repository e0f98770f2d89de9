using Contracts.Config;

namespace Processing.Tests;

public sealed class RedactingPersonalData
{
    static readonly Processing.Pipelines.CompiledPipeline All = Pipelines.Of(new RedactStage(["email", "ipv4", "credit_card"]));

    [Theory]
    [InlineData("mail from jane.doe+logs@example.co.uk bounced", "mail from [REDACTED] bounced")]
    [InlineData("<bob@mail.example.com>, \"ann_2@ex-ample.org\".", "<[REDACTED]>, \"[REDACTED]\".")]
    [InlineData("user=bob@example.com;", "user=[REDACTED];")]
    [InlineData("jörg@bücher.de", "[REDACTED]")]
    [InlineData("...bob@example.com", "...[REDACTED]")]
    public void replaces_email_addresses(string message, string expected) => All.Kept(message).Message.ShouldBe(expected);

    [Theory]
    [InlineData("installed lodash@4.17.21")]
    [InlineData("ssh root@localhost")]
    [InlineData("@channel see a@b")]
    public void leaves_look_alikes_of_email_addresses(string message) => All.Kept(message).Message.ShouldBe(message);

    [Theory]
    [InlineData("from 173.234.31.186 port 22", "from 173.234.31.x port 22")]
    [InlineData("[10.0.0.1]:50010,10.251.73.220:50010", "[10.0.0.x]:50010,10.251.73.x:50010")]
    [InlineData("ip=255.255.255.255.", "ip=255.255.255.x.")]
    public void masks_the_last_part_of_ipv4_addresses(string message, string expected) => All.Kept(message).Message.ShouldBe(expected);

    [Theory]
    [InlineData("version 1.2.3.4.5")]
    [InlineData("oid 1.3.6.1.4.1.2021")]
    [InlineData("not 256.1.1.1 nor 1.1.1.1000")]
    [InlineData("pi is 3.14159265358979323")]
    public void leaves_dotted_numbers_that_are_not_addresses(string message) => All.Kept(message).Message.ShouldBe(message);

    [Theory]
    [InlineData("card 4111111111111111 declined", "card [REDACTED] declined")]
    [InlineData("card 4111 1111 1111 1111, exp 12/27", "card [REDACTED], exp 12/27")]
    [InlineData("amex 3782-822463-10005.", "amex [REDACTED].")]
    [InlineData("paid 100 with 5555 5555 5555 4444 2024", "paid 100 with [REDACTED] 2024")]
    [InlineData("6011000990139424@", "[REDACTED]@")]
    [InlineData("4111 1111 1111 1111 10.1.2.3", "[REDACTED] 10.1.2.x")]
    [InlineData("1234 4111-1111-1111-1111", "1234 [REDACTED]")]
    [InlineData("ref-4111111111111111", "ref-[REDACTED]")]
    public void replaces_card_numbers_that_pass_the_luhn_check(string message, string expected) => All.Kept(message).Message.ShouldBe(expected);

    [Theory]
    [InlineData("order 4111111111111112 shipped")]
    [InlineData("order 1234567890123 shipped")]
    [InlineData("081109 203615 148 INFO")]
    [InlineData("block blk_-6952295868487656571 and blk_4111111111111111")]
    [InlineData("id A4111111111111111")]
    [InlineData("phone +1 555 0100")]
    [InlineData("BIOS-e820: 0000000000000000 - 00000000000a0000 (usable)")]
    public void leaves_digit_runs_that_are_no_card_numbers(string message) => All.Kept(message).Message.ShouldBe(message);

    [Fact]
    public void redacts_the_service_the_host_and_attribute_keys_and_values_but_not_trace_ids()
    {
        var input = Pipelines.Record("x", service: "svc-10.0.0.7", host: "ops@example.com",
            attributes: Pipelines.Attributes(("client.ip", "192.168.1.20"), ("users.bob@example.com", "1"))) with { TraceId = "4111111111111111" };

        var record = All.Kept(input);

        record.Service.ShouldBe("svc-10.0.0.x");
        record.Host.ShouldBe("[REDACTED]");
        record.TraceId.ShouldBe("4111111111111111");
        record.Own().ShouldBe(new Dictionary<string, string> { ["client.ip"] = "192.168.1.x", ["[REDACTED]"] = "1" }, ignoreOrder: true);
    }

    [Fact]
    public void redacts_only_the_kinds_it_is_given()
    {
        var record = Pipelines.Of(new RedactStage(["ipv4"])).Kept("bob@example.com 10.1.2.3 4111111111111111");

        record.Message.ShouldBe("bob@example.com 10.1.2.x 4111111111111111");
    }

    [Fact]
    public void a_custom_pattern_replaces_its_matches_with_literal_text_after_the_built_in_kinds()
    {
        var pipeline = Pipelines.Of(new RedactStage(["email", "custom"], Pattern: @"(?<=token=)\w+", Replacement: "$1***"));

        var record = pipeline.Kept(Pipelines.Record("token=abc123 for bob@example.com", attributes: Pipelines.Attributes(("auth", "token=zzz"))));

        record.Message.ShouldBe("token=$1*** for $1***");
        record.Attributes["auth"].ShouldBe("token=$1***");
    }

    [Fact]
    public void a_custom_pattern_that_matches_its_own_replacement_in_a_key_is_applied_once()
    {
        var pipeline = Pipelines.Of(new RedactStage(["custom"], Pattern: "RED", Replacement: "[REDACTED]"));

        var record = pipeline.Kept(Pipelines.Record("x", attributes: Pipelines.Attributes(("RED", "RED"))));

        record.Own().ShouldBe(new Dictionary<string, string> { ["[REDACTED]"] = "[REDACTED]" });
    }

    [Fact]
    public void counts_every_value_it_replaced()
    {
        var input = Pipelines.Record("a@example.com b@example.com 10.1.2.3", attributes: Pipelines.Attributes(("card", "4111111111111111")));

        var outcome = All.Run(input);

        outcome.Redactions.ShouldBe(4);
        All.Run(Pipelines.Record("nothing to hide 42")).Redactions.ShouldBe(0);
    }

    [Fact]
    public void a_record_without_personal_data_keeps_its_strings()
    {
        var input = Pipelines.Record("plain text 42", attributes: Pipelines.Attributes(("k", "v 7")));

        var record = All.Kept(input);

        record.Message.ShouldBeSameAs(input.Message);
        record.Attributes["k"].ShouldBeSameAs(input.Attributes["k"]);
    }
}
