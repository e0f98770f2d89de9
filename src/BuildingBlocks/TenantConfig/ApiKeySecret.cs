using System.Security.Cryptography;
using System.Text;

namespace BuildingBlocks.TenantConfig;

/// <summary>
/// API key secrets look like <c>plk_{keyId}_{43 chars of base64url}</c>: the key id lets a server find the stored
/// salt and hash without scanning, the 256 random bits make a fast keyed hash (HMAC-SHA256 with a per-key salt) as
/// safe as a slow password hash would be for a human-chosen secret. Only the salt and the hash are ever stored.
/// </summary>
public static class ApiKeySecret
{
    const string Prefix = "plk_";

    public static string NewKeyId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static (string Secret, string Salt, string Hash) Generate(string keyId)
    {
        var secret = $"{Prefix}{keyId}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return (secret, salt, Hash(secret, salt));
    }

    /// <summary>The key id inside a presented secret, or null when it is not one of ours.</summary>
    public static string? KeyIdOf(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = secret.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? secret[Prefix.Length..end] : null;
    }

    public static string Hash(string secret, string salt) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(salt), Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string salt, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret, salt)), Encoding.ASCII.GetBytes(hash));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
