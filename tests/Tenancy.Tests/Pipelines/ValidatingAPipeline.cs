using System.Text.Json;
using Tenancy.Pipelines;

namespace Tenancy.Tests.Pipelines;

public sealed class ValidatingAPipeline
{
    static readonly DefinePipelineValidator Validator = new();

    static IDictionary<string, string[]> ErrorsOf(string stagesJson) =>
        ValidationErrors.Of(Validator, new DefinePipelineRequest(JsonSerializer.Deserialize<List<JsonElement>>(stagesJson)));

    static void ShouldNameOnly(IDictionary<string, string[]> errors, params string[] fields) =>
        errors.Keys.Order().ShouldBe(fields.Order(), $"errors: {JsonSerializer.Serialize(errors)}");

    [Fact]
    public void accepts_every_kind_of_stage()
    {
        ErrorsOf("""
            [
              {"type":"parse","format":"json"},
              {"type":"parse","format":"logfmt","field":"body"},
              {"type":"parse","format":"regex","pattern":"^(?<level>\\w+) (?<message>.*)$"},
              {"type":"set","field":"env","value":"prod"},
              {"type":"rename","from":"msg","to":"message"},
              {"type":"drop_field","field":"password"},
              {"type":"drop_if","levelBelow":"info"},
              {"type":"drop_if","field":"path","matches":"^/health"},
              {"type":"redact","kinds":["email","ipv4","credit_card"]},
              {"type":"redact","kinds":["custom"],"pattern":"secret-\\d+","replacement":"***"},
              {"type":"labels","labels":{"env":"prod","team":"payments"}}
            ]
            """).ShouldBeEmpty();
    }

    [Fact]
    public void accepts_an_empty_pipeline()
    {
        ErrorsOf("[]").ShouldBeEmpty();
    }

    [Fact]
    public void requires_the_list_of_stages()
    {
        ShouldNameOnly(ValidationErrors.Of(Validator, new DefinePipelineRequest(null)), "stages");
    }

    [Fact]
    public void refuses_more_than_50_stages()
    {
        var stages = string.Join(",", Enumerable.Repeat("""{"type":"drop_field","field":"x"}""", PipelineRules.MaxStages + 1));

        ShouldNameOnly(ErrorsOf($"[{stages}]"), "stages");
        ErrorsOf($"[{string.Join(",", Enumerable.Repeat("""{"type":"drop_field","field":"x"}""", PipelineRules.MaxStages))}]").ShouldBeEmpty();
    }

    [Fact]
    public void names_every_bad_field_of_every_bad_stage()
    {
        var errors = ErrorsOf("""
            [
              {"type":"parse","format":"json"},
              {"type":"parse","format":"xml"},
              {"type":"parse","format":"regex","pattern":"(unclosed"},
              {"type":"grep"},
              {"type":"rename","from":"","to":"x"},
              "not a stage"
            ]
            """);

        ShouldNameOnly(errors, "stages[1].format", "stages[2].pattern", "stages[3].type", "stages[4].from", "stages[5]");
    }

    [Fact]
    public void a_regex_parse_needs_a_pattern_with_a_named_group()
    {
        ShouldNameOnly(ErrorsOf("""[{"type":"parse","format":"regex"}]"""), "stages[0].pattern");
        var errors = ErrorsOf("""[{"type":"parse","format":"regex","pattern":"(\\w+) (\\d+)"}]""");
        ShouldNameOnly(errors, "stages[0].pattern");
        errors["stages[0].pattern"].ShouldHaveSingleItem().ShouldContain("named group");
    }

    [Fact]
    public void a_pattern_is_refused_where_it_would_be_ignored()
    {
        ShouldNameOnly(ErrorsOf("""[{"type":"parse","format":"json","pattern":"(?<x>.)"},{"type":"redact","kinds":["email"],"pattern":"x"}]"""),
            "stages[0].pattern", "stages[1].pattern");
    }

    [Fact]
    public void refuses_a_catastrophic_pattern_in_every_stage_that_takes_one()
    {
        var errors = ErrorsOf("""
            [
              {"type":"parse","format":"regex","pattern":"(?<a>a+)+$"},
              {"type":"drop_if","field":"message","matches":"(a+)+$"},
              {"type":"redact","kinds":["custom"],"pattern":"(a+)+$"}
            ]
            """);

        ShouldNameOnly(errors, "stages[0].pattern", "stages[1].matches", "stages[2].pattern");
        errors.Values.ShouldAllBe(messages => messages.Single().Contains("backtracks catastrophically"));
    }

    [Fact]
    public void field_names_are_required_and_at_most_200_characters()
    {
        var tooLong = new string('f', PipelineRules.MaxFieldNameLength + 1);
        var longest = new string('f', PipelineRules.MaxFieldNameLength);

        ShouldNameOnly(ErrorsOf($$"""
            [
              {"type":"set","field":"{{tooLong}}","value":"x"},
              {"type":"set","field":"{{longest}}","value":"x"},
              {"type":"drop_field","field":" "},
              {"type":"parse","format":"json","field":""},
              {"type":"rename","from":"a","to":"a"}
            ]
            """), "stages[0].field", "stages[2].field", "stages[3].field", "stages[4].to");
    }

    [Fact]
    public void a_set_stage_needs_a_value()
    {
        ShouldNameOnly(ErrorsOf("""[{"type":"set","field":"env"}]"""), "stages[0].value");
    }

    [Fact]
    public void drop_if_needs_a_level_from_the_list_or_a_field_with_a_pattern()
    {
        ShouldNameOnly(ErrorsOf("""
            [
              {"type":"drop_if"},
              {"type":"drop_if","levelBelow":"loud"},
              {"type":"drop_if","field":"path"},
              {"type":"drop_if","matches":"^/health"}
            ]
            """), "stages[0].levelBelow", "stages[1].levelBelow", "stages[2].matches", "stages[3].field");
    }

    [Fact]
    public void redaction_kinds_come_from_the_list_and_custom_needs_a_pattern_that_cannot_match_nothing()
    {
        ShouldNameOnly(ErrorsOf("""
            [
              {"type":"redact","kinds":[]},
              {"type":"redact","kinds":["email","phone"]},
              {"type":"redact","kinds":["custom"]},
              {"type":"redact","kinds":["custom"],"pattern":"x*"},
              {"type":"redact","kinds":["email"],"replacement":null}
            ]
            """), "stages[0].kinds", "stages[1].kinds", "stages[2].pattern", "stages[3].pattern", "stages[4].replacement");
    }

    [Fact]
    public void a_labels_stage_holds_1_to_50_labels_with_names_and_values()
    {
        var fifty = "{" + string.Join(",", Enumerable.Range(0, PipelineRules.MaxLabels).Select(i => $"\"l{i}\":\"v\"")) + "}";
        var fiftyOne = "{" + string.Join(",", Enumerable.Range(0, PipelineRules.MaxLabels + 1).Select(i => $"\"l{i}\":\"v\"")) + "}";

        ErrorsOf($$"""[{"type":"labels","labels":{{fifty}}}]""").ShouldBeEmpty();
        ShouldNameOnly(ErrorsOf($$$"""
            [
              {"type":"labels","labels":{{{fiftyOne}}}},
              {"type":"labels","labels":{}},
              {"type":"labels","labels":{"":"v"}},
              {"type":"labels","labels":{"env":null}}
            ]
            """), "stages[0].labels", "stages[1].labels", "stages[2].labels", "stages[3].labels");
    }
}
