using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Ingest.Bench;

/// <summary>
/// Request bodies as agents send them: gzip NDJSON of about 1 MB uncompressed, built from the loghub samples
/// (real lines of six systems) interleaved with synthetic application JSON carrying trace ids.
/// </summary>
static class Payloads
{
    public sealed record Body(byte[] Gzip, int Lines, int UncompressedBytes);

    public static List<Body> Build(string loghub, int targetBytes, int count)
    {
        var lines = Directory.GetFiles(loghub, "*.log").OrderBy(f => f)
            .SelectMany(file => File.ReadLines(file).Select(line => (Service: Path.GetFileName(file).Split('_')[0].ToLowerInvariant(), Line: line)))
            .ToList();
        if (lines.Count == 0) throw new InvalidOperationException($"no loghub samples in {loghub}");
        var random = new Random(42);
        string[] levels = ["info", "info", "info", "warn", "error", "debug"];
        var bodies = new List<Body>(count);
        var cursor = 0;
        for (var b = 0; b < count; b++)
        {
            var text = new StringBuilder(targetBytes + 1024);
            var n = 0;
            while (text.Length < targetBytes)
            {
                string json;
                if (n % 3 == 2)
                {
                    json = JsonSerializer.Serialize(new
                    {
                        timestamp = DateTimeOffset.UtcNow,
                        level = levels[random.Next(levels.Length)],
                        service = "checkout-api",
                        instance = $"checkout-{random.Next(8)}",
                        message = $"order {random.Next(1_000_000)} processed in {random.Next(900)} ms",
                        traceId = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())),
                        spanId = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())),
                        metadata = new { customer = random.Next(50_000), region = random.Next(2) == 0 ? "eu-west" : "us-east", http = new { status = 200 } },
                    });
                }
                else
                {
                    var (service, line) = lines[cursor++ % lines.Count];
                    json = JsonSerializer.Serialize(new { timestamp = DateTimeOffset.UtcNow, level = levels[random.Next(levels.Length)], service, message = line });
                }
                text.Append(json).Append('\n');
                n++;
            }
            var raw = Encoding.UTF8.GetBytes(text.ToString());
            var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(raw);
            bodies.Add(new Body(compressed.ToArray(), n, raw.Length));
        }
        return bodies;
    }
}
