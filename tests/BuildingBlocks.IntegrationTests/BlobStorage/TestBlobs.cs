using System.Security.Cryptography;

namespace BuildingBlocks.IntegrationTests.BlobStorage;

/// <summary>Names and contents that keep blob tests independent of each other.</summary>
internal static class TestBlobs
{
    public const int FourMiB = 4 * 1024 * 1024;

    // Container names: 3–63 characters, lowercase letters, digits and hyphens.
    public static string UniqueContainerName() => $"test-{Guid.NewGuid():N}";

    public static byte[] RandomContent(int length, int seed = 42)
    {
        var content = new byte[length];
        new Random(seed).NextBytes(content);
        return content;
    }

    public static string Md5Of(byte[] content) => Convert.ToBase64String(MD5.HashData(content));
}
