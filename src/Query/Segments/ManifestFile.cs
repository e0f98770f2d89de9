using System.Text.Json;

namespace Query.Segments;

/// <summary>Reads and atomically replaces manifest files: write a temporary file, fsync it, rename, fsync the folder.</summary>
public static class ManifestFile
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Manifest Read(string path) => Read<Manifest>(path);

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllBytes(path), Json) ?? throw new InvalidDataException($"{path} is empty");

    public static void Write<T>(string path, T manifest)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, manifest, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        Durable.SyncDirectory(Path.GetDirectoryName(path)!);
    }
}
