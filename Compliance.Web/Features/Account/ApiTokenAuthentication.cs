using System.Security.Claims;
using System.Text.Encodings.Web;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary><c>Authorization: Bearer cmp_...</c>: the token's hash is looked up (one query); revoked or expired tokens fail.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ComplianceDbContext db, IClock clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)) return AuthenticateResult.Fail("Not an API token.");

        var hash = ApiToken.HashOf(secret);
        var now = clock.GetCurrentInstant();
        // One read per request: the token, its owner, the organisation's sign-in rules and the owner's standing there.
        var found = await (from t in db.ApiTokens
                           where t.Hash == hash
                           join u in db.Users on t.UserId equals u.Id
                           join o in db.Organisations on t.OrganisationId equals o.Id
                           select new
                           {
                               Token = t, u.Email, u.DisplayName, u.TwoFactorEnabled, o.RequireTwoFactor, o.RequirePhishingResistant,
                               HasKey = db.SecurityKeys.Any(k => k.UserId == u.Id),
                               Memberships = db.Members.IgnoreQueryFilters().Where(m => m.UserId == u.Id && m.OrganisationId == t.OrganisationId).ToList(),
                           }).SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsValidAt(now)) return AuthenticateResult.Fail("Unknown, revoked or expired token.");
        var token = found.Token;
        // A token is no way around the organisation's rule: no two-factor sign-in on the account, no API either.
        if (found.RequireTwoFactor && !found.TwoFactorEnabled && !found.HasKey)
            return AuthenticateResult.Fail("The organisation requires two-factor sign-in, which this token's owner has not turned on.");
        // Nor around the rule that security leads and admins hold a passkey or security key.
        if (found.RequirePhishingResistant && !found.HasKey && Member.Acting(found.Memberships, now) is { } member && PhishingResistantPolicy.AppliesTo(member.Role))
            return AuthenticateResult.Fail("The organisation requires security leads and admins to sign in with a passkey or security key, and this token's owner has none.");
        if (token.LastUsedAt is null || now - token.LastUsedAt > Duration.FromMinutes(5))
            await NoteUseAsync(token, now);
        var identity = new ClaimsIdentity(
        [
            new Claim(ComplianceClaims.UserId, token.UserId.ToString()),
            new Claim(ComplianceClaims.Email, found.Email),
            new Claim(ComplianceClaims.Name, found.DisplayName),
            new Claim(ComplianceClaims.OrganisationId, token.OrganisationId.ToString()),
        ], ComplianceClaims.ApiScheme, ComplianceClaims.Email, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ComplianceClaims.ApiScheme));
    }

    // "Last used" is a courtesy: a database that cannot take writes (full disk, read-only replica) still lets reads through.
    private async Task NoteUseAsync(ApiToken token, Instant now)
    {
        token.LastUsedAt = now;
        try
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        catch (DbUpdateException e)
        {
            db.Entry(token).State = EntityState.Unchanged;
            Logger.LogWarning(e, "Could not record the use of API token {TokenId}", token.Id);
        }
    }

    // RFC 6750: a 401 names the scheme the client should use.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
