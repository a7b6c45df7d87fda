using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Domain.Organisations;

/// <summary>
/// Creates an organisation with its facts. Only the server's command line does (the system actor): there is no
/// one inside an organisation yet to ask. Its first admin is added next, with 'user add'.
/// </summary>
public sealed class CreateOrganisation(ComplianceDbContext db, IClock clock)
{
    public sealed record Request(string Name, string Slug, string TimeZone, IReadOnlyList<string> Establishments, IReadOnlyList<string> Attributes, bool RequireTwoFactor);

    public async Task<Outcome<Organisation>> HandleAsync(Actor actor, Request request, CancellationToken ct = default)
    {
        if (actor.UserId != Guid.Empty) return Outcome<Organisation>.Forbidden();
        var errors = OrganisationFacts.Problems(request.Name, request.TimeZone, request.Establishments, request.Attributes, out var establishments);
        if (Organisation.Slugify(request.Slug) != request.Slug)
            errors["slug"] = [$"'{request.Slug}' must be lower-case letters, digits and dashes (e.g. '{Organisation.Slugify(request.Slug)}')."];
        else if (await db.Organisations.AnyAsync(x => x.Slug == request.Slug, ct)) errors["slug"] = [$"'{request.Slug}' is taken: an organisation with it exists already."];
        if (errors.Count > 0) return Outcome<Organisation>.Invalid(errors);

        var org = new Organisation(Guid.NewGuid(), request.Name.Trim(), request.TimeZone, establishments, request.Attributes, request.Slug) { RequireTwoFactor = request.RequireTwoFactor };
        db.Organisations.Add(org);
        await new AuditLog(db, clock).AppendAsync(org.Id, null, actor.Email, "organisation.created",
            new { org.Name, org.Slug, org.TimeZone, org.Establishments, org.Attributes, org.RequireTwoFactor }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Organisation>.Ok(org);
    }
}
