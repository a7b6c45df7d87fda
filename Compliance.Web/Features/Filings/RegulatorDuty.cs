using Compliance.Domain.Obligations;
using Compliance.Domain.Persistence;
using Compliance.Domain.Vocabulary;
using Microsoft.EntityFrameworkCore;

namespace Compliance.Web.Features.Filings;

/// <summary>The incident's regulator duty for a jurisdiction that a filing answers: the open one first, then the earliest deadline.</summary>
internal static class RegulatorDuty
{
    public static async Task<Obligation?> OfAsync(ComplianceDbContext db, Guid incidentId, string jurisdiction, CancellationToken ct)
    {
        var duties = await db.Obligations.Where(o => o.IncidentId == incidentId && o.Jurisdiction == jurisdiction && o.Recipient == Recipient.Regulator
                                                     && o.Status != ObligationStatus.Superseded).ToListAsync(ct);
        return duties.OrderBy(o => o.Status != ObligationStatus.Open).ThenBy(o => o.Deadline is null).ThenBy(o => o.Deadline).FirstOrDefault();
    }
}
