using Contracts.Config;
using Contracts.Logs;
using Processing.Pipelines;

namespace Processing.Tests;

/// <summary>Records and pipelines of one test tenant.</summary>
static class Pipelines
{
    public const string Tenant = "acme";
    public const long Noon = 1_714_564_800_000_000_000; // 2024-05-01T12:00:00Z

    public static CompiledPipeline Of(params PipelineStage[] stages) => Version(1, stages);

    public static CompiledPipeline Version(int version, params PipelineStage[] stages) =>
        CompiledPipeline.Compile(new PipelineConfig(Tenant, version, stages, version));

    public static LogRecord Record(string message, LogLevel level = LogLevel.Info, IReadOnlyDictionary<string, string>? attributes = null,
        string? service = null, string? host = null) => new()
    {
        Tenant = Tenant, TimestampNanos = Noon, ObservedNanos = Noon, Source = LogSource.Native, Level = level, Message = message,
        Service = service, Host = host, Attributes = attributes ?? LogRecord.NoAttributes,
    };

    public static Dictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    /// <summary>Runs the record and insists it is kept.</summary>
    public static LogRecord Kept(this CompiledPipeline pipeline, LogRecord record)
    {
        var outcome = pipeline.Run(record);
        outcome.IsKept.ShouldBeTrue(outcome.ToString());
        return outcome.Record;
    }

    public static LogRecord Kept(this CompiledPipeline pipeline, string message) => pipeline.Kept(Record(message));

    /// <summary>The record's attributes without the one every kept record carries.</summary>
    public static Dictionary<string, string> Own(this LogRecord record) => record.Attributes
        .Where(pair => pair.Key != CompiledPipeline.VersionAttribute)
        .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
}
