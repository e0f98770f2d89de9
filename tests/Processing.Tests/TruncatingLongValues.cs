using Contracts.Config;
using Processing.Pipelines;

namespace Processing.Tests;

public sealed class TruncatingLongValues
{
    static readonly PipelineOptions Small = new() { MaxMessageBytes = 10, MaxAttributeValueBytes = 4 };

    [Fact]
    public void cuts_the_message_and_attribute_values_to_their_limits_and_says_which()
    {
        var pipeline = CompiledPipeline.Compile(new PipelineConfig(Pipelines.Tenant, 1, [new ParseStage("logfmt")], 1), Small);

        var outcome = pipeline.Run(Pipelines.Record("a=12345 b=123 c=123456789"));

        outcome.Truncated.ShouldBeTrue();
        outcome.Record!.Message.ShouldBe("a=12345 b=");
        outcome.Record.Attributes["a"].ShouldBe("1234");
        outcome.Record.Attributes["b"].ShouldBe("123");
        outcome.Record.Attributes[CompiledPipeline.TruncatedAttribute].ShouldBe("message,attributes.a,attributes.c");
    }

    [Fact]
    public void never_splits_a_character()
    {
        var pipeline = CompiledPipeline.None(Pipelines.Tenant, Small);

        var record = pipeline.Kept(Pipelines.Record("ab€€€", attributes: Pipelines.Attributes(("emoji", "a😀b"))));

        record.Message.ShouldBe("ab€€"); // 2 + 3 + 3 bytes; a third € would make 11
        record.Attributes["emoji"].ShouldBe("a"); // the surrogate pair is 4 bytes on its own
    }

    [Fact]
    public void values_within_the_default_limits_are_left_alone()
    {
        var message = new string('m', 64 * 1024);
        var input = Pipelines.Record(message, attributes: Pipelines.Attributes(("v", new string('v', 16 * 1024))));

        var outcome = CompiledPipeline.None(Pipelines.Tenant).Run(input);
        var longer = CompiledPipeline.None(Pipelines.Tenant).Run(input with { Message = message + "m" });

        outcome.Truncated.ShouldBeFalse();
        outcome.Record!.Attributes.ContainsKey(CompiledPipeline.TruncatedAttribute).ShouldBeFalse();
        longer.Record!.Message.Length.ShouldBe(64 * 1024);
        longer.Record.Attributes[CompiledPipeline.TruncatedAttribute].ShouldBe("message");
    }

    [Fact]
    public void cuts_after_redaction_so_a_cut_cannot_hide_an_address_from_the_scanner()
    {
        var options = new PipelineOptions { MaxMessageBytes = 20 };
        var pipeline = CompiledPipeline.Compile(new PipelineConfig(Pipelines.Tenant, 1, [new RedactStage(["email"])], 1), options);

        var record = pipeline.Kept(Pipelines.Record("contact: someone@example.com"));

        record.Message.ShouldBe("contact: [REDACTED]");
    }
}
