using Contracts.Config;
using Contracts.Logs;
using Processing.Pipelines;

namespace Processing.Tests;

/// <summary>Regex pipelines a tenant would write for three real log formats, checked on every line of the Loghub samples.</summary>
public sealed class ParsingLoghubLines
{
    const string Apache = @"^\[(?<time>\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \d{4})\] \[(?<level>\w+)\] (?<message>.*)$";
    const string Hdfs = @"^(?<date>\d{6}) (?<time>\d{6}) (?<pid>\d+) (?<level>[A-Z]+) (?<component>[\w$.]+): (?<message>.*)$";
    const string OpenSsh = @"^(?<time>\w{3} +\d{1,2} \d{2}:\d{2}:\d{2}) (?<host>\S+) (?<process>[\w-]+)\[(?<pid>\d+)\]: (?<message>.*)$";

    [Fact]
    public void apache_error_log_lines_give_their_time_level_and_message()
    {
        var lines = Loghub.Lines("Apache_2k.log");
        var pipeline = Pipelines.Of(new ParseStage("regex", Pattern: Apache));

        var first = pipeline.Kept(lines[0]);
        first.Attributes["time"].ShouldBe("Sun Dec 04 04:47:44 2005");
        first.Level.ShouldBe(LogLevel.Info); // "notice"
        first.Message.ShouldBe("workerEnv.init() ok /etc/httpd/conf/workers2.properties");
        var second = pipeline.Kept(lines[1]);
        second.Level.ShouldBe(LogLevel.Error);
        second.Message.ShouldBe("mod_jk child workerEnv in error state 6");

        ShareParsed(pipeline, lines, "time").ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void hdfs_lines_give_their_date_time_pid_level_component_and_message()
    {
        var lines = Loghub.Lines("HDFS_2k.log");
        var pipeline = Pipelines.Of(new ParseStage("regex", Pattern: Hdfs));

        var first = pipeline.Kept(lines[0]);
        first.Own().ShouldBe(new Dictionary<string, string>
        {
            ["date"] = "081109", ["time"] = "203615", ["pid"] = "148", ["component"] = "dfs.DataNode$PacketResponder",
        }, ignoreOrder: true);
        first.Level.ShouldBe(LogLevel.Info);
        first.Message.ShouldBe("PacketResponder 1 for block blk_38865049064139660 terminating");
        var warning = pipeline.Kept(lines.First(line => line.Contains(" WARN ", StringComparison.Ordinal)));
        warning.Level.ShouldBe(LogLevel.Warn);

        ShareParsed(pipeline, lines, "component").ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void openssh_lines_give_their_time_host_process_pid_and_message()
    {
        var lines = Loghub.Lines("OpenSSH_2k.log");
        var pipeline = Pipelines.Of(new ParseStage("regex", Pattern: OpenSsh));

        var first = pipeline.Kept(lines[0]);
        first.Own().ShouldBe(new Dictionary<string, string> { ["time"] = "Dec 10 06:55:46", ["process"] = "sshd", ["pid"] = "24200" }, ignoreOrder: true);
        first.Host.ShouldBe("LabSZ");
        first.Message.ShouldBe("reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!");

        ShareParsed(pipeline, lines, "pid").ShouldBeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void a_redacting_pipeline_masks_every_address_in_the_openssh_sample()
    {
        var lines = Loghub.Lines("OpenSSH_2k.log");
        var pipeline = Pipelines.Of(new ParseStage("regex", Pattern: OpenSsh), new RedactStage(["ipv4"]));
        var address = new System.Text.RegularExpressions.Regex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b");

        var kept = lines.Select(line => pipeline.Kept(line)).ToList();

        kept[0].Message.ShouldContain("[173.234.31.x]");
        kept.ShouldAllBe(record => !address.IsMatch(record.Message));
        kept.Count(record => record.Message.Contains(".x", StringComparison.Ordinal)).ShouldBeGreaterThan(1000);
    }

    /// <summary>The share of lines from which the pattern extracted <paramref name="attribute"/>, i.e. that matched.</summary>
    static double ShareParsed(CompiledPipeline pipeline, string[] lines, string attribute) =>
        (double)lines.Count(line => pipeline.Kept(line).Attributes.ContainsKey(attribute)) / lines.Length;
}
