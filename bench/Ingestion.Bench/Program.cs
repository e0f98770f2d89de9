using Bench;
using System.Diagnostics;
using Contracts.Logs;
using Google.Protobuf;
using Ingestion.Bench;
using Ingestion.Bench.Candidates;
using Ingestion.Protocols;
using Ingestion.Protocols.Clef;
using Ingestion.Protocols.Elasticsearch;
using Ingestion.Protocols.Loki;
using Ingestion.Protocols.Native;
using Ingestion.Protocols.Otlp;

// Intake throughput on one core: gzip NDJSON of loghub lines → RequestBody → NativeLogParser → LogBatchCodec.
// Run in Release: dotnet run -c Release --project bench/Ingestion.Bench [loghub folder] [seconds per measurement]
if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
    Process.GetCurrentProcess().ProcessorAffinity = 1; // one core, GC included
if (args.Length > 1) Measure.RunSeconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);

var received = DateTimeOffset.UtcNow;
var context = IngestContext.At("bench", received);
var corpus = LoghubCorpus.Load(args.Length > 0 ? args[0] : LoghubCorpus.FindDirectory(), context.ReceivedNanos);
var lines = corpus.Lines.Count;
var ndjson = corpus.NativeNdjson();
var gzip = LoghubCorpus.Gzip(ndjson);
Console.WriteLine($"corpus: {lines:N0} loghub lines; native NDJSON {ndjson.Length / 1e6:F2} MB, gzip {gzip.Length / 1e6:F2} MB; " +
                  $".NET {Environment.Version}, {Environment.ProcessorCount} cores visible, pinned to one");
Console.WriteLine();

ParseResult Parse() => NativeLogParser.Parse(ndjson, context);
var parsed = Parse();
if (parsed.Accepted.Count != lines) throw new InvalidOperationException($"only {parsed.Accepted.Count} of {lines} lines were accepted: {parsed.Rejected.FirstOrDefault().Reason}");
var batch = new LogBatch(context.Tenant, Guid.NewGuid(), parsed.Accepted);

void Report(string name, Action action, int items, long bytes)
{
    var (perSecond, allocated) = Measure.Run(action);
    Console.WriteLine($"  {name,-44} {perSecond * items,12:N0} lines/s {perSecond * bytes / 1e6,9:N1} MB/s {(double)allocated / items,8:N0} B allocated/line");
}

Console.WriteLine("Native intake, one core (MB/s of uncompressed JSON):");
Report("gunzip + parse + encode (the whole path)", () =>
{
    using var body = RequestBody.ReadAsync(new MemoryStream(gzip), "gzip", long.MaxValue, long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
    var result = NativeLogParser.Parse(body.Span, context);
    LogBatchCodec.Encode(new LogBatch(context.Tenant, Guid.NewGuid(), result.Accepted));
}, lines, ndjson.Length);
Report("  gunzip (RequestBody.ReadAsync)", () =>
{
    using var body = RequestBody.ReadAsync(new MemoryStream(gzip), "gzip", long.MaxValue, long.MaxValue, CancellationToken.None).GetAwaiter().GetResult();
}, lines, ndjson.Length);
Report("  parse (NativeLogParser)", () => Parse(), lines, ndjson.Length);
Report("  encode (LogBatchCodec)", () => LogBatchCodec.Encode(batch), lines, ndjson.Length);
Console.WriteLine();

Console.WriteLine("logs.raw value, hand-written format vs protobuf (same records):");
var binary = LogBatchCodec.Encode(batch);
var protobuf = ProtobufLogBatchCodec.Encode(batch);
foreach (var (name, encode, decode, bytes) in new (string, Action, Action, byte[])[]
{
    ("hand-written", () => LogBatchCodec.Encode(batch), () => LogBatchCodec.Decode(binary), binary),
    ("protobuf", () => ProtobufLogBatchCodec.Encode(batch), () => ProtobufLogBatchCodec.Decode(protobuf), protobuf),
})
{
    var encodes = Measure.OperationsPerSecond(encode) * lines;
    var decodes = Measure.OperationsPerSecond(decode) * lines;
    Console.WriteLine($"  {name,-13} encode {encodes,12:N0} records/s   decode {decodes,12:N0} records/s   " +
                      $"{(double)bytes.Length / lines,6:F1} bytes/record ({(double)LoghubCorpus.Gzip(bytes).Length / lines:F1} gzipped)");
}
Console.WriteLine();

Console.WriteLine("Other protocols, parse only, one core:");
var bulk = ProtocolBodies.ElasticsearchBulk(corpus);
var clef = ProtocolBodies.Clef(corpus);
var lokiJson = ProtocolBodies.LokiJson(corpus);
var lokiProtobuf = ProtocolBodies.LokiSnappyProtobuf(corpus);
var otlpRequest = ProtocolBodies.Otlp(corpus);
var otlpProtobuf = otlpRequest.ToByteArray();
var otlpJson = ProtocolBodies.OtlpJson(otlpRequest);
foreach (var (name, body, parse) in new (string, byte[], Func<byte[], int>)[]
{
    ("Elasticsearch _bulk", bulk, b => BulkParser.Parse(b, null, context).Records.Accepted.Count),
    ("Seq CLEF (template rendered)", clef, b => ClefParser.Parse(b, context).Accepted.Count),
    ("Loki JSON", lokiJson, b => LokiPushParser.ParseJson(b, context).Accepted.Count),
    ("Loki protobuf (snappy)", lokiProtobuf, b => LokiPushParser.ParseProtobuf(b, context).Accepted.Count),
    ("OTLP protobuf", otlpProtobuf, b => OtlpLogsParser.ParseProtobuf(b, context).Accepted.Count),
    ("OTLP JSON", otlpJson, b => OtlpLogsParser.ParseJson(b, context).Accepted.Count),
})
{
    if (parse(body) != lines) throw new InvalidOperationException($"{name}: not every line was accepted");
    Report(name, () => parse(body), lines, body.Length);
}
