using System.Security.Cryptography;

namespace BuildingBlocks.DevHosting.AppModel;

/// <summary>A generated secret kept in a file only its owner can read, so it survives restarts of the local stack.</summary>
static class StoredSecret
{
    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing) return existing;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using (File.Create(path)) { }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, secret + "\n");
        return secret;
    }
}
