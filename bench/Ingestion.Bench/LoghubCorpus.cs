using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace Ingestion.Bench;

/// <summary>
/// Real log lines from the Loghub samples (read in place from ../shared/data/loghub, never copied into the repository;
/// see the LICENSE and README there), with what a shipper would add: a service per file, a host, a level guessed
/// from the line, and timestamps spread over the minute before the benchmark's arrival time.
/// </summary>
sealed class LoghubCorpus
{
    public sealed record Line(string Service, string Host, string Level, long TimestampNanos, string Text, string File, int Number);

    LoghubCorpus(IReadOnlyList<Line> lines) => Lines = lines;

    public IReadOnlyList<Line> Lines { get; }

    public static LoghubCorpus Load(string directory, long receivedNanos)
    {
        var lines = new List<Line>();
        foreach (var path in Directory.GetFiles(directory, "*.log").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var service = file.Split('_')[0].ToLowerInvariant();
            var number = 0;
            foreach (var text in File.ReadLines(path))
            {
                number++;
                if (text.Length == 0) continue;
                var timestamp = receivedNanos - 60_000_000_000L + (long)number * 29_000_000;
                lines.Add(new Line(service, $"{service}-node-{number % 8}", GuessLevel(text), timestamp, text, file, number));
            }
        }
        return new LoghubCorpus(lines);
    }

    /// <summary>What the native endpoint receives: NDJSON of {timestamp, level, service, instance, message, metadata}.</summary>
    public byte[] NativeNdjson() => Ndjson((json, line) =>
    {
        json.WriteString("timestamp", DateTime.UnixEpoch.AddTicks(line.TimestampNanos / 100));
        json.WriteString("level", line.Level);
        json.WriteString("service", line.Service);
        json.WriteString("instance", line.Host);
        json.WriteString("message", line.Text);
        json.WriteStartObject("metadata");
        json.WriteString("file", line.File);
        json.WriteNumber("lineNumber", line.Number);
        json.WriteEndObject();
    });

    public static byte[] Gzip(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(body);
        return output.ToArray();
    }

    byte[] Ndjson(Action<Utf8JsonWriter, Line> writeFields)
    {
        var buffer = new ArrayBufferWriter<byte>(Lines.Count * 256);
        using var json = new Utf8JsonWriter(buffer);
        foreach (var line in Lines)
        {
            json.WriteStartObject();
            writeFields(json, line);
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
            json.Reset();
        }
        return buffer.WrittenSpan.ToArray();
    }

    static string GuessLevel(string text) =>
        text.Contains("ERROR", StringComparison.Ordinal) || text.Contains("[error]", StringComparison.Ordinal) ? "error"
        : text.Contains("WARN", StringComparison.Ordinal) || text.Contains("failure", StringComparison.Ordinal) ? "warn"
        : "info";

    /// <summary>The loghub folder next to the repository: walks up from the executable to the folder holding Platform.sln.</summary>
    public static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Platform.sln")))
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", "loghub"));
        throw new DirectoryNotFoundException("Platform.sln not found above " + AppContext.BaseDirectory + "; pass the loghub folder as the first argument");
    }
}
