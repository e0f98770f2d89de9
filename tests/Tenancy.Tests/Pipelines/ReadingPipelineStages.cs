using System.Text.Json;
using Contracts.Config;
using Tenancy.Pipelines;

namespace Tenancy.Tests.Pipelines;

public sealed class ReadingPipelineStages
{
    static PipelineStage? Read(string json, out string? field)
    {
        var stage = PipelineStageJson.Read(JsonDocument.Parse(json).RootElement, out var problem);
        field = problem?.PropertyName;
        return stage;
    }

    [Fact]
    public void reads_each_stage_type_named_by_the_contract()
    {
        Read("""{"type":"parse","format":"regex","pattern":"(?<x>.)"}""", out _).ShouldBe(new ParseStage("regex", null, "(?<x>.)"));
        Read("""{"type":"set","field":"env","value":"prod"}""", out _).ShouldBe(new SetFieldStage("env", "prod"));
        Read("""{"type":"rename","from":"msg","to":"message"}""", out _).ShouldBe(new RenameFieldStage("msg", "message"));
        Read("""{"type":"drop_field","field":"password"}""", out _).ShouldBe(new DropFieldStage("password"));
        Read("""{"type":"drop_if","levelBelow":"info"}""", out _).ShouldBe(new DropIfStage("info"));
        Read("""{"type":"redact","kinds":["email"]}""", out _).ShouldBeOfType<RedactStage>().Replacement.ShouldBe("[REDACTED]");
        Read("""{"type":"labels","labels":{"env":"prod"}}""", out _).ShouldBeOfType<StaticLabelsStage>().Labels["env"].ShouldBe("prod");
    }

    [Fact]
    public void the_type_may_come_after_the_other_fields()
    {
        Read("""{"field":"password","type":"drop_field"}""", out var field).ShouldBe(new DropFieldStage("password"));
        field.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"type":"grep","pattern":"x"}""")]
    [InlineData("""{"format":"json"}""")]
    [InlineData("""{"type":7}""")]
    public void an_unknown_or_missing_type_is_a_problem_of_the_type_field(string json)
    {
        Read(json, out var field).ShouldBeNull();
        field.ShouldBe("type");
    }

    [Fact]
    public void a_misspelt_field_is_named_rather_than_ignored()
    {
        Read("""{"type":"parse","format":"regex","patern":"(?<x>.)"}""", out var field).ShouldBeNull();
        field.ShouldBe("patern");
    }

    [Fact]
    public void a_value_of_the_wrong_json_type_names_its_field()
    {
        Read("""{"type":"redact","kinds":"email"}""", out var field).ShouldBeNull();
        field.ShouldBe("kinds");
    }

    [Fact]
    public void a_stage_that_is_not_an_object_is_a_problem_of_the_stage_itself()
    {
        Read("\"parse\"", out var field).ShouldBeNull();
        field.ShouldBe("");
    }
}
