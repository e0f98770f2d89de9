using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.DevHosting;
using Ingest.Bench;
using TestInfrastructure;

// Whole-system intake benchmark: PostgreSQL, Redis, Kafka (mock cluster), Azurite, Tenancy and Ingestion run as on a
// developer machine; several clients post gzip NDJSON batches of ~1 MB to /api/v1/logs and every 202 means the
// batch is on Kafka (acks=all). Prints accepted lines/s, MB/s (uncompressed), latency and CPU.
// Usage: dotnet run -c Release --project bench/Ingest [seconds=20] [clients=4] [batchKiB=1024]
var seconds = args.Length > 0 ? int.Parse(args[0]) : 20;
var clients = args.Length > 1 ? int.Parse(args[1]) : 4;
var batchBytes = (args.Length > 2 ? int.Parse(args[2]) : 1024) * 1024;
var loghub = Path.Combine(RepositoryLayout.FindRoot(), "..", "shared", "data", "loghub");

Console.WriteLine($"Building payloads from {Path.GetFullPath(loghub)} …");
var bodies = Payloads.Build(loghub, batchBytes, count: 32);
Console.WriteLine($"  {bodies.Count} bodies, {bodies.Average(b => b.Lines):0} lines and {bodies.Average(b => b.UncompressedBytes) / 1024:0} KiB each " +
    $"({bodies.Average(b => b.Gzip.Length) / 1024:0} KiB gzip)");

Console.WriteLine($"Starting the stack ({Environment.ProcessorCount} cores)…");
await using var stack = await PlatformStack.StartAsync("tenancy", "ingestion");
var (_, key) = await stack.OnboardAsync("bench", plan: "enterprise");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = new Uri(stack.Url("ingestion")), Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
await Eventually.Until(async () => (await PostAsync(http, bodies[0])).Status == HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "Ingestion accepts the key");

await RunAsync(TimeSpan.FromSeconds(3)); // warm-up: JIT, connection pools, Kafka metadata
var ingestion = stack.Pid("ingestion")!.Value;
var cpuBefore = CpuSeconds(ingestion);
var selfBefore = CpuSeconds(Environment.ProcessId);
var wall = Stopwatch.StartNew();
var result = await RunAsync(TimeSpan.FromSeconds(seconds));
var elapsed = wall.Elapsed.TotalSeconds;
var cpu = CpuSeconds(ingestion) - cpuBefore;
var self = CpuSeconds(Environment.ProcessId) - selfBefore;

result.Latencies.Sort();
Console.WriteLine($"intake, {clients} clients, {seconds} s, batches of ~{batchBytes / 1024} KiB gzip NDJSON, every 202 acknowledged by Kafka:");
Console.WriteLine($"  accepted      {result.Lines / elapsed:0} lines/s   {result.Bytes / elapsed / 1e6:0.0} MB/s uncompressed   (goal >= 150,000 lines/s, ~60 MB/s)");
Console.WriteLine($"  requests      {result.Latencies.Count} ok, {result.Failures} not 202");
Console.WriteLine($"  latency       p50 {Percentile(result.Latencies, 50):0.0} ms   p99 {Percentile(result.Latencies, 99):0.0} ms   (goal p99 < 50 ms)");
Console.WriteLine($"  CPU           ingestion {cpu / elapsed:0.00} cores, load generator {self / elapsed:0.00} cores (same 2-core machine)");

async Task<(long Lines, long Bytes, List<double> Latencies, int Failures)> RunAsync(TimeSpan duration)
{
    var stop = DateTime.UtcNow + duration;
    var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        long lines = 0, bytes = 0;
        var latencies = new List<double>();
        var failures = 0;
        for (var i = c; DateTime.UtcNow < stop; i += clients)
        {
            var body = bodies[i % bodies.Count];
            var started = Stopwatch.GetTimestamp();
            var (status, accepted) = await PostAsync(http, body);
            if (status != HttpStatusCode.Accepted) { failures++; continue; }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            lines += accepted;
            bytes += body.UncompressedBytes;
        }
        return (lines, bytes, latencies, failures);
    })));
    return (runs.Sum(r => r.lines), runs.Sum(r => r.bytes), runs.SelectMany(r => r.latencies).ToList(), runs.Sum(r => r.failures));
}

static async Task<(HttpStatusCode Status, int Accepted)> PostAsync(HttpClient http, Payloads.Body body)
{
    var content = new ByteArrayContent(body.Gzip);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
    content.Headers.ContentEncoding.Add("gzip");
    using var response = await http.PostAsync("/api/v1/logs", content);
    if (response.StatusCode != HttpStatusCode.Accepted) return (response.StatusCode, 0);
    return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingestedCount").GetInt32());
}

static double CpuSeconds(int pid)
{
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0; // utime + stime, in clock ticks of 1/100 s
}

static double Percentile(List<double> sorted, int p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
