using System.Security.Cryptography;
using System.Text;

namespace Tenancy.Access;

/// <summary>
/// Who may onboard a tenant: anyone ("open", the local stack's setting), holders of the onboarding token ("token"),
/// or only the platform operator ("operator", the default when nothing is configured).
/// </summary>
public sealed class OnboardingPolicy(IConfiguration configuration, Authenticator authenticator)
{
    readonly string mode = configuration["Tenancy:Onboarding:Mode"] ?? "operator";
    readonly byte[]? token = configuration["Tenancy:Onboarding:Token"] is { Length: > 0 } t ? Encoding.UTF8.GetBytes(t) : null;

    /// <summary>Null when onboarding may go ahead, else the 401/403 to answer.</summary>
    public async Task<IResult?> RefusalAsync(HttpContext context)
    {
        if (mode == "open") return null;
        if (await authenticator.AuthenticateAsync(context) is { IsOperator: true }) return null;
        if (mode == "token" && token is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers["X-Onboarding-Token"].ToString()), token))
            return null;
        return context.Request.Headers.ContainsKey("X-Onboarding-Token") || context.Request.Headers.ContainsKey("Authorization")
            ? AccessFilters.Forbidden("Onboarding needs a valid onboarding token or the operator key.")
            : AccessFilters.Unauthorized();
    }
}
