using System.Text;
using System.Text.Json;
using BuildingBlocks.Messaging;
using BuildingBlocks.TenantConfig;
using Contracts.Config;
using static BuildingBlocks.Tests.TenantConfig.ConfigMessages;

namespace BuildingBlocks.Tests.TenantConfig;

public sealed class ReadingConfigMessages
{
    readonly TenantConfigCache cache = new(new ManualClock(Now));

    [Fact]
    public void reads_a_pipeline_with_polymorphic_stages_as_tenancy_writes_it()
    {
        var pipeline = Pipeline("acme", 2, new ParseStage("json"), new RedactStage(["email"]), new StaticLabelsStage(new Dictionary<string, string> { ["env"] = "prod" }));

        cache.Apply(pipeline);

        var read = cache.Pipeline("acme")!;
        read.Stages[0].ShouldBe(new ParseStage("json"));
        read.Stages[1].ShouldBeOfType<RedactStage>().Kinds.ShouldBe(["email"]);
        read.Stages[2].ShouldBeOfType<StaticLabelsStage>().Labels["env"].ShouldBe("prod");
    }

    [Fact]
    public void reads_a_tenant_s_own_hot_window()
    {
        cache.Apply(Tenant("acme", 1) with { HotWindowMinutes = 90 });

        cache.Tenant("acme")!.HotWindowMinutes.ShouldBe(90);
    }

    [Fact]
    public void reads_a_tenant_message_written_before_hot_windows_existed_as_the_platform_default()
    {
        var envelope = Envelope.Create(ConfigMessageTypes.TenantChanged, "acme", Encoding.UTF8.GetBytes("""
            {"tenantId":"acme","displayName":"Acme","status":"active","plan":"free",
             "quotas":{"eventsPerDay":1000000,"ingestBytesPerSecond":1048576,"linesPerSecond":1000,"maxQueryRangeDays":7},
             "retentionDays":7,"minimumLevel":"trace","version":1,"v":1}
            """));

        cache.Apply(envelope);

        cache.Tenant("acme")!.HotWindowMinutes.ShouldBeNull();
        cache.Tenant("acme")!.RetentionDays.ShouldBe(7);
    }

    [Fact]
    public void ignores_a_message_type_it_does_not_know()
    {
        var envelope = Envelope.Create("quota.changed.v1", "acme", Encoding.UTF8.GetBytes("""{"tenantId":"acme","version":1}"""));

        cache.Apply(envelope).ShouldBe(ConfigApplyResult.UnknownType);
        cache.Revision.ShouldBe(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"displayName":"no id","version":1}""")]
    public void refuses_an_unreadable_payload_and_stays_unchanged(string payload)
    {
        var envelope = Envelope.Create(ConfigMessageTypes.TenantChanged, "acme", Encoding.UTF8.GetBytes(payload));

        Should.Throw<JsonException>(() => cache.Apply(envelope));
        cache.Revision.ShouldBe(0);
    }

    [Fact]
    public void refuses_a_pipeline_stage_type_it_does_not_know_as_unreadable()
    {
        var envelope = Envelope.Create(ConfigMessageTypes.PipelineChanged, "acme",
            Encoding.UTF8.GetBytes("""{"tenantId":"acme","pipelineVersion":1,"stages":[{"type":"geoip"}],"version":1}"""));

        Should.Throw<JsonException>(() => cache.Apply(envelope));
    }
}
