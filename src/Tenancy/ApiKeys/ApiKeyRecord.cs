using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;
using Npgsql;
using Tenancy.Storage;

namespace Tenancy.ApiKeys;

/// <summary>A key as the api_keys table keeps it: what authenticates a caller and what the key list shows.</summary>
public sealed record ApiKeyRecord(string KeyId, string TenantId, string Name, ApiKeyRole Role, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt, string Salt, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    DateTimeOffset? RotatedAt, int Version)
{
    public static ApiKeyRecord Create(ApiKeyIssued e, StoredEvent stored) =>
        new(e.KeyId, e.TenantId, e.Name, e.Role, e.Scopes, e.ExpiresAt, e.Salt, e.Hash, stored.RecordedAt, null, null, stored.Version);

    public ApiKeyRecord Apply(IApiKeyEvent e, StoredEvent stored) => (e switch
    {
        ApiKeyRevoked => this with { RevokedAt = stored.RecordedAt },
        ApiKeyRotated r => this with { Salt = r.Salt, Hash = r.Hash, RotatedAt = stored.RecordedAt },
        _ => this,
    }) with { Version = stored.Version };

    /// <summary>The list view: never the salt or the hash.</summary>
    public object ToView() => new { KeyId, Name, Role, Scopes, ExpiresAt, CreatedAt, RevokedAt, RotatedAt, Revoked = RevokedAt is not null };
}

sealed class ApiKeyProjection : IInlineProjection
{
    public const string Table = "api_keys";

    public async Task ApplyAsync(NpgsqlConnection connection, StoredEvent stored, CancellationToken ct)
    {
        if (stored.Data is not IApiKeyEvent e) return;
        var record = e is ApiKeyIssued issued
            ? ApiKeyRecord.Create(issued, stored)
            : (await Documents.GetAsync<ApiKeyRecord>(connection, Table, KeyIdOf(e), ct))!.Apply(e, stored);
        await Documents.UpsertAsync(connection, Table, record.KeyId, record.TenantId, record, stored.Version, ct);
    }

    static string KeyIdOf(IApiKeyEvent e) => e switch
    {
        ApiKeyRevoked r => r.KeyId,
        ApiKeyRotated r => r.KeyId,
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, null),
    };
}
