using Compliance.Web.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Compliance.Tests.Pages.Support;

/// <summary>
/// Two settings AppHost lacks, applied to the test host until AppHost has them (then these are no-ops to delete).
/// <see cref="HostGapTests"/> runs without them and is skipped until then.
/// </summary>
public static class PendingHostFixes
{
    public static void Apply(WebApplicationBuilder builder) => builder.Services.PostConfigure<IdentityOptions>(o =>
    {
        // UserManager.GetUserAsync(User) looks for this claim; ours is "sub". Without it the Account pages cannot
        // find the signed-in user, and the security-stamp check signs everyone out a minute after they sign in.
        o.ClaimsIdentity.UserIdClaimType = ComplianceClaims.UserId;
        // AddDefaultTokenProviders adds an SMS provider that throws on a store without phone numbers the moment
        // a user with two-factor sign-in enters their password.
        o.Tokens.ProviderMap.Remove(TokenOptions.DefaultPhoneProvider);
    });
}
