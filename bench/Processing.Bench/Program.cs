using Bench;
using System.Diagnostics;
using System.Globalization;
using Contracts.Config;
using Contracts.Logs;
using Processing.Bench;
using Processing.Pipelines;

// One tenant's five-stage pipeline over the OpenSSH Loghub sample, on one core, as the Processing consumer runs it.
// Run in Release: dotnet run -c Release --project bench/Processing.Bench [loghub folder] [seconds per measurement]
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = 1; // one core, GC included
if (args.Length > 1) Measure.RunSeconds = double.Parse(args[1], CultureInfo.InvariantCulture);

const string Tenant = "bench";
var records = LoghubRecords.Load(args.Length > 0 ? args[0] : LoghubRecords.FindDirectory(), "OpenSSH_2k.log", Tenant);
PipelineStage[] stages =
[
    new ParseStage("regex", Pattern: @"^(?<time>\w{3} +\d{1,2} \d{2}:\d{2}:\d{2}) (?<host>\S+) (?<process>[\w-]+)\[(?<pid>\d+)\]: (?<message>.*)$"),
    new RenameFieldStage("pid", "process.pid"),
    new DropIfStage(Field: "message", Matches: @"^(input_userauth_request|pam_unix\(sshd:auth\): check pass)"),
    new RedactStage(["email", "ipv4", "credit_card"]),
    new StaticLabelsStage(new Dictionary<string, string> { ["env"] = "prod", ["region"] = "eu-west-1" }),
];
Console.WriteLine($"corpus: {records.Length:N0} OpenSSH lines; .NET {Environment.Version}, {Environment.ProcessorCount} cores visible, pinned to one");

var full = Compile(stages);
var (kept, dropped, failed, redacted) = (0, 0, 0, 0);
foreach (var record in records)
{
    var outcome = full.Run(record);
    kept += outcome.IsKept ? 1 : 0;
    dropped += outcome.IsDropped ? 1 : 0;
    failed += outcome.IsFailed ? 1 : 0;
    redacted += outcome.Redactions > 0 ? 1 : 0;
}
Console.WriteLine($"outcomes: {kept:N0} kept ({redacted:N0} with redactions), {dropped:N0} dropped, {failed:N0} failed");
Console.WriteLine();

Console.WriteLine("Whole pipeline, then its prefixes (what each stage adds), one core:");
Report("five stages: parse, rename, drop_if, redact, labels", full);
for (var count = stages.Length - 1; count >= 0; count--)
    Report(count == 0 ? "no stages (version + record copy only)" : $"first {count} stage(s)", Compile(stages[..count]));

void Report(string name, CompiledPipeline pipeline)
{
    var (perSecond, allocated) = Measure.Run(() =>
    {
        foreach (var record in records) pipeline.Run(record);
    });
    var perRecord = perSecond * records.Length;
    Console.WriteLine($"  {name,-52} {perRecord,12:N0} records/s {1e9 / perRecord,8:N0} ns/record {(double)allocated / records.Length,8:N0} B allocated/record");
}

static CompiledPipeline Compile(PipelineStage[] stages) =>
    CompiledPipeline.Compile(new PipelineConfig(Tenant, 1, stages, 1), minimumLevel: LogLevel.Trace);
