using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Issues an API token to a member of the organisation, for so many days or without expiry. The secret is returned
/// once; only its hash is kept. Audited in the organisation's log.
/// </summary>
public sealed class IssueApiToken(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(Guid UserId, string Name, int? Days = null);

    public sealed record Issued(ApiToken Token, string Secret);

    public async Task<Outcome<Issued>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        if (!Permissions.Allows(actor, Operation.ManageOrganisation, null, now)) return Outcome<Issued>.Forbidden();
        if (request.Days is < 1) return Outcome<Issued>.Invalid("days", "must be a whole number of days, 1 or more.");
        var email = await (from m in db.Members
                           join u in db.Users on m.UserId equals u.Id
                           where m.OrganisationId == actor.OrganisationId && m.UserId == request.UserId
                           select u.Email).FirstOrDefaultAsync(ct);
        if (email is null) return Outcome<Issued>.NotFound();
        var (token, secret) = ApiToken.Issue(request.UserId, actor.OrganisationId, request.Name, now, request.Days is { } days ? now + Duration.FromDays(days) : null);
        db.ApiTokens.Add(token);
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, null, actor.Email, "token.created", new { user = email, token.Name, token.Id }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Issued>.Ok(new Issued(token, secret));
    }
}
