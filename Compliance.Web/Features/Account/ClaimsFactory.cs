using System.Security.Claims;
using Compliance.Domain.Organisations;
using Compliance.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Compliance.Web.Features.Account;

/// <summary>Signs a user into their first active membership (an organisation switcher can come later).</summary>
public sealed class ClaimsFactory(ComplianceDbContext db, IOptions<IdentityOptions> options, IClock clock) : IUserClaimsPrincipalFactory<User>
{
    public async Task<ClaimsPrincipal> CreateAsync(User user)
    {
        var now = clock.GetCurrentInstant();
        var memberships = await db.Members.Where(m => m.UserId == user.Id).ToListAsync();
        var member = Member.Acting(memberships, now);
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, ComplianceClaims.Email, null);
        identity.AddClaim(new Claim(ComplianceClaims.UserId, user.Id.ToString()));
        identity.AddClaim(new Claim(ComplianceClaims.Email, user.Email));
        identity.AddClaim(new Claim(ComplianceClaims.Name, user.DisplayName));
        identity.AddClaim(new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, user.SecurityStamp));
        if (member is not null) identity.AddClaim(new Claim(ComplianceClaims.OrganisationId, member.OrganisationId.ToString()));
        return new ClaimsPrincipal(identity);
    }
}
