using BuildingBlocks.DevHosting;
using Contracts.Logs;
using Xunit.Abstractions;

namespace Ingestion.IntegrationTests;

/// <summary>
/// A real agent, unchanged: Debian's rsyslog tails a file with imfile and ships it with omelasticsearch to _bulk,
/// configured as its documentation says for an Elasticsearch 8 cluster with basic authentication.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class ShippingFromRsyslog(IngestionStack stack, ITestOutputHelper output)
{
    const int LineCount = 200;
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task every_line_rsyslog_tails_from_a_file_arrives_once_on_logs_raw_with_its_ecs_fields()
    {
        var (tenantId, key) = await stack.TenantAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var lines = OpenSshLines().Take(LineCount).Select((line, i) => $"{marker}-{i:D3} {line}").ToList();
        var ingestion = new Uri(stack.Stack.Url("ingestion"));
        var startedNanos = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds() * 1_000_000;

        await using var rsyslog = await Rsyslog.StartAsync(folder => ShipToIngestion(folder, ingestion.Port, key));
        try
        {
            await File.AppendAllLinesAsync(rsyslog.PathOf("sshd.log"), lines);
            var records = stack.ReadLogsRaw(tenantId, atLeast: LineCount, Deadline).Select(r => r.Record).ToList();

            var arrivals = records.CountBy(r => r.Message).ToDictionary();
            lines.Where(line => arrivals.GetValueOrDefault(line) != 1).ShouldBeEmpty("every line arrives exactly once");
            records.Count.ShouldBe(lines.Count, "nothing but the file's lines arrives");
            records.Select(r => (r.Source, r.Host, r.Service, r.Level, Index: r.Attributes[Protocols.Elasticsearch.BulkParser.IndexAttribute]))
                .Distinct().ShouldBe([(LogSource.Elasticsearch, "rsyslog-shipper", "openssh", LogLevel.Info, "rsyslog-test")]);
            var finishedNanos = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeMilliseconds() * 1_000_000;
            records.ShouldAllBe(r => r.TimestampNanos >= startedNanos && r.TimestampNanos <= finishedNanos, "@timestamp is when rsyslog read the line");
        }
        catch
        {
            output.WriteLine(rsyslog.Diagnostics());
            throw;
        }
    }

    /// <summary>
    /// imfile reads the file from its start; the template writes an ECS document (@timestamp in RFC 3339); the action
    /// sends "index" bulk requests (several, at most 64 lines each) with the key as basic-auth password, and
    /// esVersion.major 8 leaves out the _type that Elasticsearch 8 refuses. rsyslog 8.2302 judges a reply by its body:
    /// one without an "items" array (any top-level error) drops the batch, and retryfailures stays off, so a refused
    /// item is dropped too (both show up as missing lines); only a failed connection suspends the action, which then
    /// retries every second. The input is bound to its own ruleset so that rsyslogd's own messages are not shipped.
    /// </summary>
    static string ShipToIngestion(string folder, int port, string key) => $$"""
        global(localHostname="rsyslog-shipper")
        module(load="imfile")
        module(load="omelasticsearch")

        template(name="ecs" type="list" option.jsonf="on") {
          property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
          property(outname="message" name="msg" format="jsonf")
          property(outname="host.name" name="hostname" format="jsonf")
          property(outname="log.level" name="syslogseverity-text" format="jsonf")
          property(outname="service.name" name="programname" format="jsonf")
        }

        input(type="imfile" File="{{folder}}/sshd.log" Tag="openssh" Severity="info" Ruleset="ship"
              freshStartTail="off" readMode="0")

        ruleset(name="ship") {
          action(type="omelasticsearch" name="platform" server="127.0.0.1" serverport="{{port}}"
                 searchIndex="rsyslog-test" template="ecs" bulkmode="on" esVersion.major="8"
                 uid="shipper" pwd="{{key}}" errorFile="{{folder}}/omelasticsearch-errors.json"
                 queue.type="linkedList" queue.dequeueBatchSize="64"
                 action.resumeRetryCount="-1" action.resumeInterval="1")
        }
        """;

    /// <summary>Real sshd lines from the Loghub samples, read in place next to the repository.</summary>
    static IEnumerable<string> OpenSshLines()
    {
        var sample = Path.GetFullPath(Path.Combine(RepositoryLayout.FindRoot(), "..", "shared", "data", "loghub", "OpenSSH_2k.log"));
        if (!File.Exists(sample)) throw new FileNotFoundException($"The Loghub sample {sample} is missing (../shared/data/loghub next to the repository).", sample);
        return File.ReadLines(sample);
    }
}
