using Compliance.Domain.Incidents;
using Compliance.Domain.Audit;
using Compliance.Domain.Persistence;
using Compliance.Domain.Workspace;
using Compliance.Jobs.Notices;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Compliance.Web.Features.Notices;

/// <summary>The one-page summary of a campaign's proof: counts per state and jurisdiction, first and last send, the template hash. The download is audited.</summary>
public sealed class CampaignProofPdf(ComplianceDbContext db, IncidentAccess workspace, CampaignProgress progress, IClock clock)
{
    public async Task<Outcome<byte[]>> HandleAsync(Actor actor, CampaignRef request, CancellationToken ct = default)
    {
        var found = await progress.GetAsync(actor, request, ct);
        if (!found.IsOk) return found.Refusal<byte[]>();
        var incident = (await workspace.GetAsync(actor, request.IncidentId, ct)).Value!;
        var organisation = await db.Organisations.SingleAsync(o => o.Id == actor.OrganisationId, ct);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(organisation.TimeZone) ?? DateTimeZone.Utc;
        await new AuditLog(db, clock).AppendAsync(actor.OrganisationId, request.IncidentId, actor.Email, "campaign.proof-downloaded",
            new { campaign = request.CampaignId, format = "pdf" }, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<byte[]>.Ok(CampaignProof.Render(found.Value!, incident.Reference, incident.Title, organisation.Name, clock.GetCurrentInstant(), zone));
    }
}
