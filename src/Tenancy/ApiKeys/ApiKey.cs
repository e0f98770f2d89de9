using BuildingBlocks.EventStore;
using BuildingBlocks.TenantConfig;

namespace Tenancy.ApiKeys;

public enum ApiKeyStatus { None, Active, Revoked }

public interface IApiKeyCommand;
public sealed record IssueApiKey(string KeyId, string TenantId, string Name, ApiKeyRole Role, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt, string Salt, string Hash) : IApiKeyCommand;
public sealed record RevokeApiKey : IApiKeyCommand;
/// <summary>Replaces the secret at once: the old one stops working when the rotation is recorded.</summary>
public sealed record RotateApiKey(string Salt, string Hash) : IApiKeyCommand;

public sealed record ApiKey(string Id, string TenantId, string Name, ApiKeyRole Role, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt, string Salt, string Hash, ApiKeyStatus Status) : IAggregate<ApiKey>
{
    public static ApiKey Initial { get; } = new("", "", "", ApiKeyRole.Viewer, [], null, "", "", ApiKeyStatus.None);

    public static IApiKeyEvent[] Decide(IApiKeyCommand command, ApiKey state) => command switch
    {
        IssueApiKey c when state.Status == ApiKeyStatus.None =>
            [new ApiKeyIssued(c.KeyId, c.TenantId, c.Name, c.Role, c.Scopes, c.ExpiresAt, c.Salt, c.Hash)],
        RevokeApiKey when state.Status == ApiKeyStatus.Active => [new ApiKeyRevoked(state.Id)],
        RotateApiKey c when state.Status == ApiKeyStatus.Active => [new ApiKeyRotated(state.Id, c.Salt, c.Hash)],
        _ => throw new RuleViolation(state.Status == ApiKeyStatus.None
            ? $"{command.GetType().Name}: the key does not exist"
            : $"{command.GetType().Name} is not allowed for a key that is {state.Status}"),
    };

    public ApiKey Evolve(object @event) => @event switch
    {
        ApiKeyIssued e => new(e.KeyId, e.TenantId, e.Name, e.Role, e.Scopes, e.ExpiresAt, e.Salt, e.Hash, ApiKeyStatus.Active),
        ApiKeyRevoked => this with { Status = ApiKeyStatus.Revoked },
        ApiKeyRotated e => this with { Salt = e.Salt, Hash = e.Hash },
        _ => this,
    };
}
