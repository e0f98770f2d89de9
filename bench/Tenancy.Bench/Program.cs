using System.Diagnostics;
using System.Net.Http.Json;
using BuildingBlocks.DevHosting;
using BuildingBlocks.DevHosting.Resources;
using BuildingBlocks.EventStore;
using Contracts;
using Npgsql;

// Tenancy benchmark: onboarding latency through the real HTTP API, and sustained event-store appends.
// Starts its own PostgreSQL, Kafka (mock cluster), Azurite and the Tenancy service, like the tests do.
// Usage: dotnet run -c Release --project bench/Tenancy.Bench [onboardings=300] [appendSeconds=10] [writers=8]
var onboardings = args.Length > 0 ? int.Parse(args[0]) : 300;
var appendSeconds = args.Length > 1 ? int.Parse(args[1]) : 10;
var writers = args.Length > 2 ? int.Parse(args[2]) : 8;

var state = Path.Combine(Path.GetTempPath(), "platform-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(state);
File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);
var postgres = new PostgresResource("postgres", RepositoryLayout.FreePort());
var kafka = new KafkaResource("kafka");
foreach (var (topic, partitions) in Topics.All) kafka.AddTopic(topic, partitions);
var blob = new AzuriteResource("blob", RepositoryLayout.FreePort());
var tenancy = new ProjectResource("tenancy", "src/Tenancy", RepositoryLayout.FreePort());
foreach (var dependency in new Resource[] { postgres, kafka, blob })
{
    tenancy.AddReference(dependency);
    tenancy.AddWaitFor(dependency);
}
tenancy.SetEnvironment("Tenancy__Onboarding__Mode", "open");
tenancy.SetEnvironment("Logging__LogLevel__Default", "Warning");
// Durable settings (fsync on), as in production: Ephemeral = false.
var orchestrator = new Orchestrator(new ResourceContext(state, EchoOutput: false, Ephemeral: false), [postgres, kafka, blob, tenancy]);

Console.WriteLine($"Starting PostgreSQL, Kafka, Azurite and Tenancy ({Environment.ProcessorCount} cores)…");
await orchestrator.StartAsync(CancellationToken.None);
try
{
    using var http = new HttpClient { BaseAddress = new Uri(tenancy.Url) };
    for (var i = 0; i < 20; i++) await OnboardAsync(http, $"warmup-{i}");

    var latencies = new List<double>(onboardings);
    for (var i = 0; i < onboardings; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await OnboardAsync(http, $"bench-{i}");
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    latencies.Sort();
    Console.WriteLine($"onboarding (POST /api/v1/tenants, tenant + admin key + outbox in one transaction), {onboardings} sequential:");
    Console.WriteLine($"  p50 {Percentile(latencies, 50):0.0} ms  p95 {Percentile(latencies, 95):0.0} ms  p99 {Percentile(latencies, 99):0.0} ms  (goal p95 < 50 ms)");

    await using var db = EventStoreDataSource.Create(postgres.ConnectionString);
    var store = new PostgresEventStore(db, new EventTypeRegistry().Register<BenchEvent>("bench.happened.v1"), []);
    var stop = DateTime.UtcNow.AddSeconds(appendSeconds);
    var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
    {
        var stream = $"bench-{w}-{Guid.NewGuid():N}";
        var version = 0;
        while (DateTime.UtcNow < stop)
        {
            await store.AppendAsync(stream, ExpectedVersion.Exactly(version), [new BenchEvent(version, "payload of a realistic size for a configuration change")],
                new EventMetadata("bench", Guid.NewGuid().ToString("N")),
                [new OutboxMessage("bench.outbox", "bench.happened", "bench", "{}"u8.ToArray())]);
            version++;
        }
        return version;
    })));
    Console.WriteLine($"appends (one event + one outbox row per transaction, {writers} writers, fsync on), {appendSeconds} s:");
    Console.WriteLine($"  {counts.Sum() / (double)appendSeconds:0} events/s  (goal >= 2,000 events/s)");
}
finally
{
    await orchestrator.StopAsync();
    Directory.Delete(state, recursive: true);
}

static async Task OnboardAsync(HttpClient http, string prefix)
{
    using var response = await http.PostAsJsonAsync("/api/v1/tenants", new
    {
        tenantId = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}",
        displayName = "Benchmark tenant",
        adminEmail = "bench@example.com",
    });
    response.EnsureSuccessStatusCode();
}

static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

sealed record BenchEvent(int Sequence, string Payload);
